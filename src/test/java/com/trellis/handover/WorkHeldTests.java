package com.trellis.handover;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user's role cannot leave their work behind (try72): a PAM made an account executive
 * while partners are still in their book, or an AE made a PAM with accounts and open
 * deals, is refused naming the role and what to hand over first, on the API and the page;
 * and deactivating a user who still holds work warns with what is left and links the
 * hand-over, as it did only for direct reports.
 */
@TrellisTest
class WorkHeldTests {

	private static final String USER = """
			{"email": "%s", "displayName": "%s", "role": "%s"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPamWithPartnersInTheirBookIsNotMadeAnAccountExecutive() throws Exception {
		var world = this.fixtures.world("Held Book World");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var pam = world.pam();

		admin.put("/api/v1/users/" + pam.userId(), USER.formatted(this.fixtures.email(pam), "Held Pam", "AE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(
					"holds 1 partner in their book, which an account executive may not hold; hand them over first")));
		assertThat(role(pam.userId())).isEqualTo("PAM");

		var session = login();
		this.mvc
			.perform(post("/admin/users/" + pam.userId()).session(session)
				.with(csrf())
				.param("email", this.fixtures.email(pam))
				.param("displayName", "Held Pam")
				.param("role", "EXECUTIVE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("which an executive may not hold")));
		assertThat(role(pam.userId())).isEqualTo("PAM");

		// an AE with an account and an open deal is not made a PAM either
		var ae = world.ae();
		admin.put("/api/v1/users/" + ae.userId(), USER.formatted(this.fixtures.email(ae), "Held Rep", "PAM"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value(containsString("holds 1 account and 1 open deal, which a PAM may not hold")));
		// a sales manager may hold them
		admin.put("/api/v1/users/" + ae.userId(), USER.formatted(this.fixtures.email(ae), "Held Rep", "SALES_MANAGER"))
			.andExpect(status().isOk());

		// a PAM without partners may become an AE
		var bare = this.fixtures.user(Role.PAM);
		admin.put("/api/v1/users/" + bare.userId(), USER.formatted(this.fixtures.email(bare), "Bare Pam", "AE"))
			.andExpect(status().isOk());
	}

	@Test
	void deactivatingAPamWithPartnersWarnsWithWhatIsLeftAndTheHandOver() throws Exception {
		var world = this.fixtures.world("Held Leaver World");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long pamId = world.pam().userId();

		admin.post("/api/v1/users/" + pamId + "/deactivate", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.warning")
				.value("This deactivated user still holds 1 partner in their book; hand them over to active users"))
			.andExpect(jsonPath("$.handOver").value("/admin/users/" + pamId + "/reassign"));
		this.mvc.perform(get("/admin/users/" + pamId).session(login()))
			.andExpect(content().string(containsString("still holds 1 partner in their book")));
	}

	private String role(long userId) {
		return this.jdbc.sql("SELECT role FROM app_user WHERE id = ?").param(userId).query(String.class).single();
	}

	private MockHttpSession login() throws Exception {
		var result = this.mvc
			.perform(post("/login").param("username", this.fixtures.email(this.fixtures.user(Role.ADMIN)))
				.param("password", "secret")
				.with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
