package com.trellis.identity;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner that left the program (sunset) takes its users' access with it (s57, try72:
 * after the sunset they kept their sessions and tokens, signed in afresh, issued new
 * tokens, uploaded account lists, raised credit disputes and answered co-sell asks). The
 * session ends on its next request, the token is refused saying why and a sign-in is
 * refused; a colleague at another partner is not touched.
 */
@TrellisTest
class SunsetPartnerAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSunsetPartnersUsersLoseTheirSessionsTokensAndSignIn() throws Exception {
		var leaving = this.fixtures.world("Sunset Access Ltd");
		var staying = this.fixtures.world("Staying Access Ltd");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var session = readers.signIn(leaving.partnerUser());
		readers.read(session, "/opportunities");
		var token = new Api(this.mvc, this.fixtures.token(leaving.partnerUser()));
		token.get("/api/v1/opportunities").andExpect(status().isOk());
		var other = new Api(this.mvc, this.fixtures.token(staying.partnerUser()));

		new Api(this.mvc, this.fixtures.token(leaving.pam()))
			.post("/api/v1/partners/" + leaving.partnerId() + "/lifecycle",
					"{\"toStatus\": \"SUNSET\", \"reason\": \"The partnership ended\"}")
			.andExpect(status().isOk());

		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/login?ended"));
		token.get("/api/v1/opportunities")
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("partner has left the program")));
		token.post("/api/v1/partners/" + leaving.partnerId() + "/account-list", "")
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/login").param("username", this.fixtures.email(leaving.partnerUser()))
				.param("password", "secret")
				.with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		other.get("/api/v1/opportunities").andExpect(status().isOk());

		// no way back in through a password reset (s57, try76): no link is made for them,
		// and an admin is told why instead of being given a one-time password
		this.mvc
			.perform(post("/password/forgot").param("email", this.fixtures.email(leaving.partnerUser())).with(csrf()))
			.andExpect(redirectedUrl("/password/forgot?sent"));
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = ?")
				.param(leaving.partnerUser().userId())
				.query(Long.class)
				.single())
			.isZero();
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.post("/api/v1/users/" + leaving.partnerUser().userId() + "/password-reset",
					"{\"method\": \"ONE_TIME_PASSWORD\"}")
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("left the program")));
	}

}
