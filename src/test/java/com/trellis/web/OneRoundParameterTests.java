package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every problem of a request is named in one 400: a body's broken annotations or
 * unreadable fields together with its rule problems (an unknown manager, a target's bad
 * port), and a list's bad parameters together (an unknown role with a bad size, a bad
 * page with a bad size).
 */
@TrellisTest
class OneRoundParameterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aNewUsersTooLongNameAndUnknownManagerAreNamedTogether() throws Exception {
		var admin = admin();
		long before = count();
		admin.post("/api/v1/users", """
				{"email": "one.round@example.com", "displayName": "%s", "role": "AE", "managerId": 99999999999}
				""".formatted("a".repeat(300)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("displayName", "managerId")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aWebhooksUnreadableEventTypesAndBadPortAreNamedTogether() throws Exception {
		admin().post("/api/v1/webhooks", """
				{"url": "http://127.0.0.1:99999/x", "eventTypes": "deal.won"}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("url", "eventTypes")));
	}

	@Test
	void aListsBadParametersAreNamedTogether() throws Exception {
		var admin = admin();
		admin.get("/api/v1/users?role=KING&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("role", "size")));
		admin.get("/api/v1/hygiene/STALE_DEALS?page=-1&size=100000")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("page", "size")));
		admin.get("/api/v1/users?role=ae&size=5").andExpect(status().isOk());
	}

	@Test
	void aListsUnreadableEnumOrDateIsNamedWithItsBadPageAndSizeAndEveryOtherUnreadableParameter() throws Exception {
		var admin = admin();
		admin.get("/api/v1/registrations?status=BOGUS&page=-1&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "page", "size")));
		admin.get("/api/v1/registrations?status=BOGUS&partnerId=abc&size=100000")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "partnerId", "size")));
		// an unreadable page is named once, for what it is, not also for its range
		admin.get("/api/v1/registrations?status=BOGUS&page=x&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "page", "size")));
		admin.get("/api/v1/kpis?from=yesterday&to=2026-13-40&slice=NOPE")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("from", "to", "slice")))
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].message",
					contains("must be a date written yyyy-mm-dd, such as 2026-12-31 ('yesterday' is not)")))
			.andExpect(jsonPath("$.errors[?(@.field == 'to')].message", contains(
					"names no day of the calendar ('2026-13-40' is written yyyy-mm-dd, but there is no such day)")));
		// a day written right that the calendar lacks is told so (try51: 2026-02-29 was
		// told
		// to be written yyyy-mm-dd); a long value is quoted by its start
		admin.get("/api/v1/kpis?from=2026-02-29&slice=" + "S".repeat(7000))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].message", contains(
					"names no day of the calendar ('2026-02-29' is written yyyy-mm-dd, but there is no such day)")))
			.andExpect(jsonPath("$.detail",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("S".repeat(100)))));
		// "+2026-10-01" arrives as " 2026-10-01": told about the space, not that no such
		// day is
		this.mvc
			.perform(get("/api/v1/kpis").param("from", " 2026-10-01")
				.param("to", "2026-10-31")
				.header("Authorization", "Bearer " + this.fixtures.token(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].message",
					contains("must be a date written yyyy-mm-dd without spaces or signs (' 2026-10-01' has a space; "
							+ "a + in a web address is read as a space)")));
		admin.get("/api/v1/registrations?status=BOGUS")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status")));
	}

	@Test
	void theUsersPageRefusesBadFiltersNamingEachInsteadOfShowingEveryone() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(admin)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var page = this.mvc.perform(get("/admin/users?role=FOO&active=maybe").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("unknown role &#39;FOO&#39;").contains("must be true or false, not &#39;maybe&#39;");
		this.mvc.perform(get("/admin/users?role=pam&active=TRUE").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users?role=&active=").session(session)).andExpect(status().isOk());
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
	}

	private Api admin() {
		return new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
	}

}
