package com.trellis.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
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
 * A program admin creates, edits, deactivates and reactivates users through the API and
 * the pages; a deactivated user is refused everywhere.
 */
@TrellisTest
class UserAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Test
	void anAdminCreatesAUserWhoMustChooseTheirOwnPasswordAtTheFirstSignIn() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var created = admin.post("/api/v1/users", """
				{"email": "Nina.New@Example.com", "displayName": "Nina New", "role": "AE", "team": "North",
				 "managerId": %d, "jobRole": "Enterprise AE", "initialPassword": "ONE_TIME_PASSWORD"}
				""".formatted(manager.userId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.user.email").value("Nina.New@Example.com"))
			.andExpect(jsonPath("$.user.role").value("AE"))
			.andExpect(jsonPath("$.user.managerName").value(manager.name()))
			.andExpect(jsonPath("$.user.active").value(true))
			.andExpect(jsonPath("$.user.mustChangePassword").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String password = JsonPath.read(created, "$.oneTimePassword");
		long id = ((Number) JsonPath.read(created, "$.user.id")).longValue();
		admin.get("/api/v1/users/" + id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.team").value("North"))
			.andExpect(jsonPath("$.oneTimePassword").doesNotExist());
		assertThat(auditActions(id)).containsExactly("created with a one-time password");
		assertThat(this.jdbc.sql("SELECT after::text FROM audit_entry WHERE entity_type = 'user' AND entity_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.single()).doesNotContain(password);

		var session = login("nina.new@example.com", password);
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/profile"));
		assertThat(this.mvc.perform(get("/profile").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"must-change\"").contains("Nina.New@Example.com");
		var refused = this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", password)
				.param("password", "short")
				.param("confirmPassword", "short"))
			.andExpect(redirectedUrl("/profile"))
			.andReturn();
		assertThat(refused.getFlashMap().get("error").toString())
			.contains("Password: must have at least 12 characters");
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/profile"));
		this.mvc
			.perform(post("/profile/password").session(session)
				.with(csrf())
				.param("currentPassword", password)
				.param("password", "nina chooses her own")
				.param("confirmPassword", "nina chooses her own"))
			.andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		login("nina.new@example.com", "nina chooses her own");
		assertThat(auditActions(id)).contains("replaced their one-time password");
	}

	@Test
	void byDefaultANewUserIsEmailedALinkWhereTheyChooseTheirPasswordUnderThePasswordRule() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var email = "link.user" + System.nanoTime() + "@example.com";
		var created = admin.post("/api/v1/users", """
				{"email": "%s", "displayName": "Lina Link", "role": "AE"}
				""".formatted(email))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.setPasswordLinkSentTo").value(email))
			.andExpect(jsonPath("$.oneTimePassword").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.user.id")).longValue();
		assertThat(auditActions(id)).containsExactly("created; set-password link e-mailed");

		var message = this.mail.getReceivedMessagesForDomain(email);
		assertThat(message).hasSize(1);
		var matcher = MailedLinks.RESET.matcher(GreenMailUtil.getBody(message[0]).replace("=\r\n", ""));
		assertThat(matcher.find()).as("a set-password link in the message").isTrue();
		var link = matcher.group(1);
		this.mvc.perform(get(link)).andExpect(status().isOk());

		var tooLong = "€".repeat(25);
		var refused = this.mvc
			.perform(post(link).param("password", tooLong).param("confirmPassword", tooLong).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("72 bytes");
		this.mvc
			.perform(post(link).param("password", "lina's own passphrase")
				.param("confirmPassword", "lina's own passphrase")
				.with(csrf()))
			.andExpect(redirectedUrl("/login?reset"));
		var session = login(email, "lina's own passphrase");
		this.mvc.perform(get("/opportunities").session(session)).andExpect(status().isOk());
		this.mvc.perform(get(link)).andExpect(status().isGone());
	}

	@Test
	void aDuplicateEmailInAnyCaseIsRefusedNamingTheEmailAndCreatesNobody() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var existing = this.fixtures.email(this.fixtures.user(Role.AE));
		long before = this.fixtures.count("app_user");
		admin.post("/api/v1/users", """
				{"email": "%s", "displayName": "Double", "role": "AE"}
				""".formatted(existing.toUpperCase()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		admin.post("/api/v1/users", """
				{"email": "not an address", "displayName": "", "role": "PARTNER"}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("email", "displayName")));
		admin.post("/api/v1/users", """
				{"email": "pat@example.com", "displayName": "Pat", "role": "PARTNER"}
				""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
		assertThat(this.fixtures.count("app_user")).isEqualTo(before);
	}

	@Test
	void aManagerWhoReportsToTheUserIsRefusedAsACycle() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var top = this.fixtures.user(Role.SALES_MANAGER);
		var middle = this.fixtures.user(Role.SALES_MANAGER, null, top.userId());
		var rep = this.fixtures.user(Role.AE, null, middle.userId());
		admin.put("/api/v1/users/" + top.userId(), """
				{"email": "%s", "displayName": "%s", "role": "SALES_MANAGER", "managerId": %d}
				""".formatted(this.fixtures.email(top), top.name(), rep.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("managerId"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("cycle")));
		admin.put("/api/v1/users/" + top.userId(), """
				{"email": "%s", "displayName": "%s", "role": "SALES_MANAGER", "managerId": %d}
				""".formatted(this.fixtures.email(top), top.name(), top.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("a user cannot be their own manager"));
		assertThat(this.jdbc.sql("SELECT manager_id FROM app_user WHERE id = ?")
			.param(top.userId())
			.query(Long.class)
			.optional()).isEmpty();

		admin.put("/api/v1/users/" + rep.userId(), """
				{"email": "%s", "displayName": "Renamed Rep", "role": "AE", "managerId": %d, "team": "South"}
				""".formatted(this.fixtures.email(rep), top.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.managerId").value(top.userId()))
			.andExpect(jsonPath("$.displayName").value("Renamed Rep"));
		assertThat(auditActions(rep.userId())).containsExactly("updated");
	}

	@Test
	void aDeactivatedUserCannotSignInUseATokenOrGoOnWithTheirSessionAndTheirTokensStayRevoked() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var rep = this.fixtures.user(Role.AE);
		var token = this.fixtures.token(rep);
		var session = login(this.fixtures.email(rep), "secret");
		this.mvc.perform(get("/opportunities").session(session)).andExpect(status().isOk());

		admin.post("/api/v1/users/" + rep.userId() + "/deactivate", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));

		this.mvc.perform(get("/opportunities").session(session)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/opportunities").session(session)).andExpect(status().is3xxRedirection());
		new Api(this.mvc, token).get("/api/v1/opportunities")
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("This API token's user is deactivated"));
		var attempt = this.mvc
			.perform(
					post("/login").param("username", this.fixtures.email(rep)).param("password", "secret").with(csrf()))
			.andReturn();
		assertThat(attempt.getResponse().getRedirectedUrl()).contains("error");

		admin.post("/api/v1/users/" + rep.userId() + "/reactivate", "").andExpect(jsonPath("$.active").value(true));
		// deactivation revoked the token for good: reactivation does not bring it back
		new Api(this.mvc, token).get("/api/v1/opportunities")
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("This API token was revoked; sign in and issue a new one"));
		admin.get("/api/v1/tokens?userId=" + rep.userId()).andExpect(jsonPath("$[0].status").value("REVOKED"));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'api-token' AND action = 'revoked'
				  AND entity_id IN (SELECT CAST(id AS TEXT) FROM api_token WHERE user_id = ?)
				""").param(rep.userId()).query(Long.class).single()).isEqualTo(1);
		login(this.fixtures.email(rep), "secret");
		assertThat(auditActions(rep.userId())).containsExactly("deactivated", "reactivated");
	}

	@Test
	void aUserWhoseRoleChangedSignsInAgainWithTheNewRole() throws Exception {
		var admin = api(this.fixtures.user(Role.ADMIN));
		var other = this.fixtures.user(Role.ADMIN);
		var session = login(this.fixtures.email(other), "secret");
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		admin.put("/api/v1/users/" + other.userId(), """
				{"email": "%s", "displayName": "%s", "role": "EXECUTIVE"}
				""".formatted(this.fixtures.email(other), other.name())).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login?ended"));
	}

	@Test
	void anAdminCannotDeactivateThemself() throws Exception {
		var self = this.fixtures.user(Role.ADMIN);
		api(self).post("/api/v1/users/" + self.userId() + "/deactivate", "")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("you cannot deactivate yourself"));
	}

	@Test
	void theAdminPagesListFilterCreateAndShowTheOneTimePasswordOnce() throws Exception {
		var session = login(this.fixtures.email(this.fixtures.user(Role.ADMIN)), "secret");
		var created = this.mvc
			.perform(post("/admin/users").session(session)
				.with(csrf())
				.param("displayName", "Paula Page")
				.param("email", "paula.page@example.com")
				.param("role", "PAM")
				.param("team", "")
				.param("managerId", "")
				.param("jobRole", "Channel manager")
				.param("initialPassword", "ONE_TIME_PASSWORD"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		var target = created.getResponse().getRedirectedUrl();
		var page = this.mvc.perform(get(target).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Paula Page").contains("id=\"one-time-password\"");
		var again = this.mvc.perform(get(target).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("Paula Page").doesNotContain("id=\"one-time-password\"");

		var list = this.mvc.perform(get("/admin/users").param("q", "paula.page").param("role", "PAM").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Paula Page");
		var none = this.mvc
			.perform(get("/admin/users").param("q", "paula.page").param("active", "false").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).doesNotContain("Paula Page");

		var invalid = this.mvc
			.perform(post("/admin/users").session(session)
				.with(csrf())
				.param("displayName", "")
				.param("email", "paula.page@example.com")
				.param("role", "AE"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(invalid).contains("id=\"form-errors\"").contains("must not be blank");
		// a choice that is none is told the choices (try51: "cannot be read as a value of
		// this field")
		var noRole = this.mvc
			.perform(post("/admin/users").session(session)
				.with(csrf())
				.param("displayName", "Rory Root")
				.param("email", "rory.root@example.com")
				.param("role", "ROOT"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(noRole).contains("must be one of ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE")
			.as("the role a user form may not name is not offered (s57)")
			.doesNotContain("EXECUTIVE, PARTNER");
		var admin = new com.trellis.support.Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/users", """
				{"email": "rory.root@example.com", "displayName": "Rory Root", "role": "ROOT"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.startsWith("must be one of ADMIN, PAM, AE, SALES_MANAGER, EXECUTIVE (")));
	}

	@Test
	void onlyAnAdminSeesTheUsersEntryInTheNavigation() throws Exception {
		var admin = this.mvc
			.perform(get("/").session(login(this.fixtures.email(this.fixtures.user(Role.ADMIN)), "secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(admin).contains("href=\"/admin/users\"");
		var pam = this.mvc.perform(get("/").session(login(this.fixtures.email(this.fixtures.user(Role.PAM)), "secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(pam).doesNotContain("/admin/users");
	}

	private java.util.List<String> auditActions(long userId) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'user' AND entity_id = ? ORDER BY id")
			.param(String.valueOf(userId))
			.query(String.class)
			.list();
	}

	private Api api(Viewer viewer) {
		return new Api(this.mvc, this.fixtures.token(viewer));
	}

	private MockHttpSession login(String email, String password) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
