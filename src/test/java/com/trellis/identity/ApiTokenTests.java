package com.trellis.identity;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.audit.AuditLog;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Personal API tokens: issued with a name and an optional expiry, listed without their
 * secret, renamed and revoked; revoked and expired tokens are refused.
 */
@TrellisTest
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	AuditLog audit;

	@Test
	void aUserListsTheirTokensWithNameDatesAndExpiryButNeverTheSecret() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		var session = login(ae);
		var secret = issue(session, "Nightly export", "30", "");

		var list = call(secret, get("/api/v1/tokens"));

		assertThat(list.getStatus()).isEqualTo(200);
		var json = list.getContentAsString();
		assertThat(JsonPath.<List<String>>read(json, "$[*].name")).containsExactly("Nightly export");
		assertThat(JsonPath.<String>read(json, "$[0].createdAt")).isEqualTo("2026-11-22T12:00:00Z");
		assertThat(JsonPath.<String>read(json, "$[0].expiresAt")).isEqualTo("2026-12-22T12:00:00Z");
		assertThat(JsonPath.<String>read(json, "$[0].lastUsedAt")).isEqualTo("2026-11-22T12:00:00Z");
		assertThat(JsonPath.<String>read(json, "$[0].status")).isEqualTo("ACTIVE");
		assertThat(json).doesNotContain(secret).doesNotContain("trl_").doesNotContain(ApiTokens.hash(secret));

		var page = this.mvc.perform(get("/me/tokens").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Nightly export").contains("2026-12-22").doesNotContain(secret);
	}

	@Test
	void aRevokedTokenIsRefusedWithUnauthorized() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var secret = this.fixtures.token(pam);
		long id = JsonPath.<Integer>read(call(secret, get("/api/v1/tokens")).getContentAsString(), "$[0].id");

		var revoked = call(secret, post("/api/v1/tokens/" + id + "/revoke"));
		assertThat(revoked.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<String>read(revoked.getContentAsString(), "$.status")).isEqualTo("REVOKED");

		var refused = call(secret, get("/api/v1/partners"));
		assertThat(refused.getStatus()).isEqualTo(401);
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(refused.getContentAsString()).contains("revoked");
	}

	@Test
	void anExpiredTokenIsRefusedWithUnauthorized() throws Exception {
		var session = login(this.fixtures.user(Role.SALES_MANAGER));
		var secret = issue(session, "Short-lived", "1", "");
		assertThat(call(secret, get("/api/v1/partners")).getStatus()).isEqualTo(200);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));

		var refused = call(secret, get("/api/v1/partners"));
		assertThat(refused.getStatus()).isEqualTo(401);
		assertThat(refused.getContentAsString()).contains("expired");
	}

	@Test
	void aTokenValidThroughADateWorksThatDayAndNotTheNext() throws Exception {
		var session = login(this.fixtures.user(Role.AE));
		var secret = issue(session, "Until Friday", "", "2026-11-27");

		this.clock.advance(Duration.ofDays(5).plusHours(11));
		assertThat(call(secret, get("/api/v1/partners")).getStatus()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(1));
		assertThat(call(secret, get("/api/v1/partners")).getStatus()).isEqualTo(401);
	}

	@Test
	void anExpiryOutsideTheAllowedRangeIsRefusedNamingTheFieldAndIssuesNothing() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var session = login(user);
		String[][] bad = { { "0", "" }, { "-3", "" }, { "100000", "" }, { "abc", "" }, { "", "2020-01-01" },
				{ "", "2026-11-21" }, { "", "9999-12-31" }, { "", "not a date" }, { "30", "2027-01-01" } };
		for (String[] expiry : bad) {
			var result = this.mvc
				.perform(post("/me/tokens").session(session)
					.with(csrf())
					.param("name", "Bad expiry")
					.param("expiresInDays", expiry[0])
					.param("expiresOn", expiry[1]))
				.andReturn();
			var page = result.getResponse().getContentAsString();
			assertThat(result.getResponse().getStatus()).as("%s / %s", expiry[0], expiry[1]).isEqualTo(400);
			assertThat(page).as("%s / %s", expiry[0], expiry[1]).contains("id=\"token-errors\"");
			assertThat(page).doesNotContain("id=\"token-secret\"");
		}
		assertThat(tokensOf(user)).isZero();
	}

	@Test
	void aTooLongOrControlCharacterNameIsRefused() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var session = login(user);
		for (String name : List.of("x".repeat(61), "evil\u202Ename", "line\nbreak")) {
			var page = this.mvc.perform(post("/me/tokens").session(session).with(csrf()).param("name", name))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("id=\"token-errors\"");
		}
		assertThat(tokensOf(user)).isZero();
	}

	@Test
	void theOwnerRenamesATokenAndABlankNameIsRefusedNamingTheField() throws Exception {
		var secret = this.fixtures.token(this.fixtures.user(Role.EXECUTIVE));
		long id = JsonPath.<Integer>read(call(secret, get("/api/v1/tokens")).getContentAsString(), "$[0].id");

		var renamed = call(secret, put("/api/v1/tokens/" + id).content("{\"name\": \"Board pack\"}"));
		assertThat(renamed.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(call(secret, get("/api/v1/tokens")).getContentAsString(), "$[*].name"))
			.containsExactly("Board pack");

		var blank = call(secret, put("/api/v1/tokens/" + id).content("{\"name\": \"  \"}"));
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(blank.getContentAsString(), "$.errors[*].field"))
			.containsExactly("name");
		// s56: two no-break spaces were taken as a name the list then showed blank
		var unseen = call(secret, put("/api/v1/tokens/" + id).content("{\"name\": \"\\u00a0\\u00a0\"}"));
		assertThat(unseen.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(call(secret, get("/api/v1/tokens")).getContentAsString(), "$[*].name"))
			.containsExactly("Board pack");
	}

	@Test
	void aUserCannotSeeRenameOrRevokeAnotherUsersToken() throws Exception {
		var victim = this.fixtures.token(this.fixtures.user(Role.AE));
		long victimToken = JsonPath.<Integer>read(call(victim, get("/api/v1/tokens")).getContentAsString(), "$[0].id");
		var victimId = JsonPath.<Integer>read(call(victim, get("/api/v1/tokens")).getContentAsString(), "$[0].userId");
		var intruder = this.fixtures.token(this.fixtures.user(Role.PAM));

		assertThat(call(intruder, get("/api/v1/tokens?userId=" + victimId)).getStatus()).isEqualTo(403);
		assertThat(call(intruder, post("/api/v1/tokens/" + victimToken + "/revoke")).getStatus()).isEqualTo(404);
		assertThat(call(intruder, put("/api/v1/tokens/" + victimToken).content("{\"name\": \"\"}")).getStatus())
			.as("ownership before validation")
			.isEqualTo(404);
		assertThat(call(victim, get("/api/v1/partners")).getStatus()).isEqualTo(200);
	}

	@Test
	void anAdminRevokesAnyonesTokenAndTheRevocationIsAudited() throws Exception {
		var owner = this.fixtures.user(Role.PARTNER, this.fixtures.world("Token Partner").partnerId(), null);
		var victim = this.fixtures.token(owner);
		var admin = this.fixtures.user(Role.ADMIN);
		var adminToken = this.fixtures.token(admin);

		var listed = call(adminToken, get("/api/v1/tokens?userId=" + owner.userId()));
		assertThat(listed.getStatus()).isEqualTo(200);
		// s56: a user who does not exist had an empty list of tokens
		assertThat(call(adminToken, get("/api/v1/tokens?userId=999999999")).getStatus()).isEqualTo(404);
		long id = JsonPath.<Integer>read(listed.getContentAsString(), "$[0].id");
		assertThat(call(adminToken, post("/api/v1/tokens/" + id + "/revoke")).getStatus()).isEqualTo(200);

		assertThat(call(victim, get("/api/v1/partners")).getStatus()).isEqualTo(401);
		assertThat(this.audit.history("api-token", id)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("revoked");
			assertThat(entry.actor()).isEqualTo(admin.name());
		});
	}

	@Test
	void aUserRevokesTheirTokenOnThePage() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var session = login(user);
		var secret = issue(session, "Laptop", "", "");
		long id = JsonPath.<Integer>read(call(secret, get("/api/v1/tokens")).getContentAsString(), "$[0].id");

		var revoked = this.mvc.perform(post("/me/tokens/" + id + "/revoke").session(session).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(revoked.getRedirectedUrl()).isEqualTo("/me/tokens");
		assertThat(call(secret, get("/api/v1/partners")).getStatus()).isEqualTo(401);
	}

	private long tokensOf(Viewer user) {
		return this.fixtures.count("api_token WHERE user_id = " + user.userId());
	}

	private String issue(MockHttpSession session, String name, String days, String date) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/me/tokens").session(session)
				.with(csrf())
				.param("name", name)
				.param("expiresInDays", days)
				.param("expiresOn", date))
			.andReturn();
		var secret = result.getModelAndView().getModel().get("secret");
		assertThat(secret).as(result.getResponse().getContentAsString()).isNotNull();
		return (String) secret;
	}

	private MockHttpServletResponse call(String token,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
