package com.trellis.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A program admin gets a user who forgot their password back in (s57; before, without a
 * mail server the admin had to deactivate the user and create them again): a one-time
 * password replaces the old one at once and ends the user's sessions, or a mailed link
 * lets them choose a new one while the old one still works. Refused for anyone but an
 * admin before the body is read, for the admin themselves and for a deactivated user.
 */
@TrellisTest
class AdminPasswordResetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Test
	void aOneTimePasswordReplacesTheForgottenOneEndsTheUsersSessionsAndMustBeReplaced() throws Exception {
		var rep = this.fixtures.user(Role.AE);
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var before = readers.signIn(rep);
		readers.read(before, "/opportunities");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(this.fixtures.email(rep), "a guess " + i)).isNull();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_failure WHERE account_key = lower(:email)")
			.param("email", this.fixtures.email(rep))
			.query(Long.class)
			.single()).isPositive();

		var answer = admin
			.post("/api/v1/users/" + rep.userId() + "/password-reset", "{\"method\": \"ONE_TIME_PASSWORD\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.mustChangePassword").value(true))
			.andExpect(jsonPath("$.setPasswordLinkSentTo").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String oneTime = JsonPath.read(answer, "$.oneTimePassword");
		assertThat(oneTime).hasSize(20);

		this.mvc.perform(get("/opportunities").session(before)).andExpect(redirectedUrl("/login?ended"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_failure WHERE account_key = lower(:email)")
			.param("email", this.fixtures.email(rep))
			.query(Long.class)
			.single()).as("the failed sign-ins before the reset are forgotten").isZero();
		assertThat(signIn(this.fixtures.email(rep), "secret")).as("the forgotten password no longer signs in").isNull();
		var session = signIn(this.fixtures.email(rep), oneTime);
		assertThat(session).isNotNull();
		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/profile"));

		var audited = this.jdbc.sql("""
				SELECT action || ' ' || coalesce(CAST(after AS TEXT), '') FROM audit_entry
				WHERE entity_type = 'user' AND entity_id = :id ORDER BY id DESC LIMIT 1""")
			.param("id", String.valueOf(rep.userId()))
			.query(String.class)
			.single();
		assertThat(audited).startsWith("password replaced by a one-time password").doesNotContain(oneTime);
	}

	@Test
	void aMailedLinkLetsThemChooseANewPasswordWhileTheCurrentOneStillWorks() throws Exception {
		var rep = this.fixtures.user(Role.PAM);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var email = this.fixtures.email(rep);
		admin.post("/api/v1/users/" + rep.userId() + "/password-reset", "{\"method\": \"EMAIL_LINK\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.setPasswordLinkSentTo").value(email))
			.andExpect(jsonPath("$.oneTimePassword").doesNotExist());
		var link = MailedLinks.onlyResetLink(this.mail, email);
		assertThat(signIn(email, "secret")).as("the current password works until a new one is chosen").isNotNull();
		this.mvc
			.perform(post(link).param("password", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(signIn(email, "secret")).isNull();
		assertThat(signIn(email, "a brand new passphrase")).isNotNull();
	}

	@Test
	void onlyAnAdminResetsAndNeitherTheirOwnNorADeactivatedUsersPassword() throws Exception {
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(adminUser));
		var pam = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM)));
		var rep = this.fixtures.user(Role.AE);
		var url = "/api/v1/users/" + rep.userId() + "/password-reset";
		pam.post(url, "{\"method\": \"SMOKE\"}").andExpect(status().isForbidden());
		pam.post(url, "").andExpect(status().isForbidden());
		admin.post(url, "{\"method\": \"SMOKE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("method"));
		admin.post("/api/v1/users/987654321/password-reset", "").andExpect(status().isNotFound());
		admin.post("/api/v1/users/" + adminUser.userId() + "/password-reset", "").andExpect(status().isConflict());
		admin.post("/api/v1/users/" + rep.userId() + "/deactivate", "").andExpect(status().isOk());
		admin.post(url, "{\"method\": \"ONE_TIME_PASSWORD\"}").andExpect(status().isConflict());
		assertThat(this.jdbc.sql("SELECT must_change_password FROM app_user WHERE id = :id")
			.param("id", rep.userId())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void theUserPageShowsTheOneTimePasswordOnceAndNamesARefusal() throws Exception {
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = readers.signIn(adminUser);
		var rep = this.fixtures.user(Role.AE);
		var page = "/admin/users/" + rep.userId();
		assertThat(readers.read(admin, page)).contains("id=\"password-reset\"");
		this.mvc
			.perform(post(page + "/password-reset").param("method", "ONE_TIME_PASSWORD").session(admin).with(csrf()))
			.andExpect(redirectedUrl(page));
		var shown = readers.read(admin, page);
		assertThat(shown).contains("id=\"one-time-password\"")
			.contains("signed out everywhere")
			.contains("at the next sign-in");
		assertThat(readers.read(admin, page)).as("shown once").doesNotContain("id=\"one-time-password\"");

		this.mvc.perform(post(page + "/password-reset").param("method", "SMOKE").session(admin).with(csrf()))
			.andExpect(redirectedUrl(page));
		assertThat(readers.read(admin, page)).contains("Password not reset: must be one of the choices offered");
		var own = "/admin/users/" + adminUser.userId();
		assertThat(readers.read(admin, own)).as("no reset of one's own password here")
			.doesNotContain("id=\"password-reset\"");
	}

	/**
	 * The session of a sign-in through the form, or null when it was refused or held
	 * back.
	 */
	private MockHttpSession signIn(String email, String password) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn();
		var location = result.getResponse().getRedirectedUrl();
		return location == null || location.contains("/login") ? null
				: (MockHttpSession) result.getRequest().getSession(false);
	}

}
