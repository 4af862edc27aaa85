package com.trellis.identity;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user's own profile: who they are, and a password change that needs the current one.
 */
@TrellisTest
class ProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPartnerUserSeesTheirNameEmailAndPartnerRole() throws Exception {
		var world = this.fixtures.world("Profile Partner");
		var email = this.fixtures.email(world.partnerUser());
		var page = this.mvc.perform(get("/profile").session(login(email, "secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(world.partnerUser().name()).contains(email).contains("Partner user");
	}

	@Test
	void thePasswordChangesOnlyWithTheCurrentOne() throws Exception {
		var email = this.fixtures.email(this.fixtures.world("Profile Changer").partnerUser());
		var session = login(email, "secret");
		var wrong = this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", "not it")
				.param("password", "a fresh long passphrase")
				.param("confirmPassword", "a fresh long passphrase"))
			.andReturn();
		assertThat(wrong.getFlashMap().get("error").toString())
			.contains("Current password: is not your current password");
		assertThat(signsIn(email, "a fresh long passphrase")).isFalse();

		var right = this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", "secret")
				.param("password", "a fresh long passphrase")
				.param("confirmPassword", "a fresh long passphrase"))
			.andReturn();
		assertThat(right.getFlashMap().get("notice")).isEqualTo("Password changed");
		assertThat(signsIn(email, "a fresh long passphrase")).isTrue();
		assertThat(signsIn(email, "secret")).isFalse();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'user' AND action = 'password changed'
				  AND entity_id = (SELECT CAST(id AS TEXT) FROM app_user WHERE email = ?)
				""").param(email).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPasswordChangeEndsTheUsersOtherSessionsAndKeepsTheOneThatChangedIt() throws Exception {
		// s56: a session signed in before the change (a stolen one) went on working
		var email = this.fixtures.email(this.fixtures.user(Role.PAM));
		var other = login(email, "secret");
		this.mvc.perform(get("/partners").session(other)).andExpect(status().isOk());
		var unused = login(email, "secret"); // signed in, no request yet
		var mine = login(email, "secret");
		this.mvc.perform(get("/partners").session(mine)).andExpect(status().isOk());
		this.mvc
			.perform(post("/profile/password").session(mine)
				.with(csrf())
				.param("currentPassword", "secret")
				.param("password", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase"))
			.andExpect(flash().attribute("notice", "Password changed"));
		this.mvc.perform(get("/partners").session(mine)).andExpect(status().isOk());
		this.mvc.perform(get("/partners").session(other)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/partners").session(unused)).andExpect(redirectedUrl("/login?ended"));
		// a session signed in afterwards works
		this.mvc.perform(get("/partners").session(login(email, "a brand new passphrase"))).andExpect(status().isOk());
	}

	@Test
	void aPasswordOfSpacesOnlyIsRefusedNamingTheField() throws Exception {
		// s56: twelve spaces passed every rule and signed in
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		var session = login(email, "secret");
		for (var spaces : new String[] { " ".repeat(12), "\u00a0".repeat(12), "\u3000 ".repeat(6), "\u200b".repeat(12),
				"\u3164".repeat(12), "\u2800\u00ad".repeat(6) }) {
			var refused = this.mvc
				.perform(post("/profile/password").session(session)
					.with(csrf())
					.param("currentPassword", "secret")
					.param("password", spaces)
					.param("confirmPassword", spaces))
				.andReturn();
			assertThat(refused.getFlashMap().get("error").toString())
				.contains("Password: must contain characters you can see");
		}
		assertThat(signsIn(email, "secret")).isTrue();
	}

	@Test
	void aPasswordOfMoreThanSeventyTwoBytesIsRefusedNamingTheField() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		var session = login(email, "secret");
		var tooLong = "€".repeat(25);
		var refused = this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", "secret")
				.param("password", tooLong)
				.param("confirmPassword", tooLong))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString()).contains("Password: must be at most 72 bytes");
		assertThat(signsIn(email, tooLong)).isFalse();
		assertThat(signsIn(email, "secret")).isTrue();
	}

	@Test
	void aUserWithAOneTimePasswordIsSentToTheProfileAndChoosesTheirOwnThereUnderTheSameRule() throws Exception {
		var user = this.fixtures.user(Role.SALES_MANAGER);
		var email = this.fixtures.email(user);
		this.jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE id = ?").param(user.userId()).update();
		var session = login(email, "secret");
		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/profile"));
		var page = this.mvc.perform(get("/profile").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"must-change\"").contains("The one-time password you signed in with");
		assertThat(page.split("href=\"/profile\"", -1)).as("one profile link in the header").hasSize(2);

		var tooLong = "€".repeat(25);
		var refused = this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", "secret")
				.param("password", tooLong)
				.param("confirmPassword", tooLong))
			.andExpect(redirectedUrl("/profile"))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString()).contains("Password: must be at most 72 bytes");
		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/profile"));

		this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", "secret")
				.param("password", "a manager's own passphrase")
				.param("confirmPassword", "a manager's own passphrase"))
			.andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/opportunities").session(session)).andExpect(status().isOk());
		assertThat(this.mvc.perform(get("/profile").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"must-change\"");
	}

	@Test
	void everySignedInPageHeaderLinksToTheProfileOnce() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.EXECUTIVE));
		var page = this.mvc.perform(get("/").session(login(email, "secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("href=\"/profile\"", -1)).hasSize(2);
	}

	private boolean signsIn(String email, String password) throws Exception {
		var answer = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
		return !answer.getRedirectedUrl().contains("error");
	}

	private MockHttpSession login(String email, String password) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
