package com.trellis.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A set-password link stops opening for good when the address it went to is no longer the
 * user's or the user is deactivated (s56, try62: a welcome link mailed to a mistyped
 * address still opened after the admin corrected it, and whoever held it chose the
 * password and signed in as the user; a deactivated user's link opened again after a
 * reactivation). The corrected address gets a new link.
 */
@TrellisTest
class SetPasswordLinkWithdrawnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Test
	void correctingTheAddressWithdrawsTheLinkSentToTheOldOneAndMailsTheNewOne() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long tag = System.nanoTime();
		var typo = "typo.rep" + tag + "@exmaple.com";
		var right = "typo.rep" + tag + "@example.com";
		long id = create(admin, typo);
		var old = link(typo);
		admin.put("/api/v1/users/" + id, """
				{"email": "%s", "displayName": "Typo Rep", "role": "AE"}""".formatted(right))
			.andExpect(status().isOk());
		this.mvc.perform(get(old)).andExpect(status().isGone());
		this.mvc
			.perform(post(old).param("password", "a stolen passphrase")
				.param("confirmPassword", "a stolen passphrase")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isGone());
		this.mvc.perform(get(link(right))).andExpect(status().isOk());
	}

	@Test
	void aDeactivatedUsersLinkStaysDeadAfterAReactivation() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var email = "paused.rep" + System.nanoTime() + "@example.com";
		long id = create(admin, email);
		var sent = link(email);
		admin.post("/api/v1/users/" + id + "/deactivate", "").andExpect(status().isOk());
		admin.post("/api/v1/users/" + id + "/reactivate", "").andExpect(status().isOk());
		this.mvc.perform(get(sent)).andExpect(status().isGone());
	}

	private static long create(Api admin, String email) throws Exception {
		var created = admin.post("/api/v1/users", """
				{"email": "%s", "displayName": "Typo Rep", "role": "AE", "initialPassword": "EMAIL_LINK"}
				""".formatted(email)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.user.id")).longValue();
	}

	private String link(String email) {
		return MailedLinks.onlyResetLink(this.mail, email);
	}

}
