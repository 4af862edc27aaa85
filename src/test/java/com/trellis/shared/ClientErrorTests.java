package com.trellis.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input a user can send answers a 4xx naming what was wrong, on the API and on the
 * pages, and never a 500; a write that lost a race answers 409.
 */
@TrellisTest
class ClientErrorTests {

	private static World world;

	private static Viewer admin;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void world() {
		if (world == null) {
			world = this.fixtures.world("Client Errors");
			admin = this.fixtures.user(Role.ADMIN);
		}
	}

	@Test
	void unknownJsonPropertiesAreRefusedNamingTheProperty() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		for (var property : List.of("createdAt", "closedAt", "stageEnteredAt")) {
			api.put("/api/v1/opportunities/" + world.dealId(),
					deal("\"name\": \"Renamed\", \"%s\": \"2020-01-01T00:00:00Z\"".formatted(property)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(property));
		}
		assertThat(dealName()).isEqualTo("Fixture deal");
	}

	@Test
	void requestsNoApiOperationTakesAnswerProblemDetailsWhilePagesKeepTheirErrorPages() throws Exception {
		var token = "Bearer " + this.fixtures.token(admin);
		this.mvc.perform(post("/api/v1/tokens").header("Authorization", token))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.status").value(405))
			.andExpect(jsonPath("$.title").exists());
		this.mvc
			.perform(post("/api/v1/partners").header("Authorization", token).contentType("text/plain").content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.status").value(415));
		this.mvc.perform(get("/api/v1/no-such-thing").header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No API operation has the path /api/v1/no-such-thing"));
	}

	@Test
	void aNumberLongerThanTheReaderTakesIsSaidToBeOne() throws Exception {
		// s55: "1" and 5,000 zeros was told the body was missing or malformed
		new Api(this.mvc, this.fixtures.token(admin))
			.put("/api/v1/exchange-rates/EUR", "{\"toReporting\": 1" + "0".repeat(5000) + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1,000 digits")));
	}

	@Test
	void duplicateJsonKeysAreRefusedNamingTheProperty() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.put("/api/v1/opportunities/" + world.dealId(), deal("\"name\": \"First\", \"name\": \"Second\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(dealName()).isEqualTo("Fixture deal");
	}

	@Test
	void badKpiParametersAnswer400NamingTheParameterOnTheApiAndOnThePages() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/kpis?slice=PARTNER&sliceValue=abc")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		api.get("/api/v1/kpis/funnel?slice=ONBOARDING_QUARTER&sliceValue=bad")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		// the value quoted by its start, a right-to-left override written as its code
		// point
		api.get("/api/v1/kpis?slice=TIER&sliceValue=" + "\u202EHealthcare" + "x".repeat(300))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("\"U+202EHealthcare"),
						org.hamcrest.Matchers.containsString("…\" exists"))));
		// a quarter no partner was onboarded in (try02: 2100-Q4 answered a page of zeros)
		for (var quarter : java.util.List.of("2100-Q4", "1970-Q1")) {
			api.get("/api/v1/kpis?slice=ONBOARDING_QUARTER&sliceValue=" + quarter)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		}
		api.get("/api/v1/kpis?from=2026-05-01&to=2026-01-01")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		api.get("/api/v1/kpis?from=0001-01-01&to=9999-12-31")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[1].field").value("to"));
		api.get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?from=2026-01-01&to=9999-12-31")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		api.get("/api/v1/kpis/NOPE/trend")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		api.get("/api/v1/kpis/NOPE/records")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		var session = login(admin);
		for (var page : List.of("/metrics?slice=PARTNER&sliceValue=abc",
				"/metrics?slice=ONBOARDING_QUARTER&sliceValue=bad", "/metrics?from=2026-05-01&to=2026-01-01",
				"/metrics?from=0001-01-01&to=9999-12-31", "/metrics/funnel?from=2026-05-01&to=2026-01-01",
				"/metrics/kpis/NOPE", "/metrics/export.csv?slice=PARTNER&sliceValue=abc")) {
			this.mvc.perform(get(page).session(session)).andExpect(status().isBadRequest());
		}
	}

	@Test
	void unknownCadenceQuartersAndWeeksAnswer400OnTheApiAndOnThePages() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/cadence/2026-Q9").andExpect(jsonPath("$.errors[0].field").value("quarter"));
		api.get("/api/v1/cadence/abc").andExpect(jsonPath("$.errors[0].field").value("quarter"));
		api.get("/api/v1/cadence/2026-Q4/WEEKLY_CALL/99").andExpect(jsonPath("$.errors[0].field").value("week"));
		api.get("/api/v1/cadence/2026-Q4/WEEKLY_CALL/abc").andExpect(jsonPath("$.errors[0].field").value("week"));
		// a week beyond an int is told the quarter's weeks, not an int's range (try72)
		api.get("/api/v1/cadence/2026-Q4/WEEKLY_CALL/99999999999")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 13"));
		var session = login(admin);
		for (var page : List.of("/cadence?quarter=2026-Q9", "/cadence/2026-Q9/WEEKLY_CALL/8",
				"/cadence/abc/WEEKLY_CALL/8", "/cadence/2026-Q4/WEEKLY_CALL/99", "/cadence/2026-Q4/WEEKLY_CALL/abc",
				"/cadence/2026-Q4/WEEKLY_CALL/99999999999/pack.pdf", "/cadence/2026-Q9/calendar.ics",
				"/cadence?pam=abc", "/cadence?pam=999999999")) {
			this.mvc.perform(get(page).session(session)).andExpect(status().isBadRequest());
		}
	}

	@Test
	void aPageNumberPastAnyListAnswers400NamingPageOnEveryList() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		for (var list : List.of("opportunities", "partners", "accounts", "leads", "registrations", "process/stalled")) {
			api.get("/api/v1/" + list + "?page=99999999")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("page"));
		}
		var session = login(admin);
		for (var list : List.of("opportunities", "partners", "accounts", "leads", "registrations", "process")) {
			this.mvc.perform(get("/" + list).param("page", "99999999").session(session))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void aNulCharacterInAParameterOrABodyIsRefusedNamingWhereItWas() throws Exception {
		var token = "Bearer " + this.fixtures.token(admin);
		for (var list : List.of("opportunities", "partners", "accounts")) {
			this.mvc.perform(get("/api/v1/" + list).param("q", "a\u0000b").header("Authorization", token))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("q"));
		}
		new Api(this.mvc, this.fixtures.token(admin))
			.put("/api/v1/opportunities/" + world.dealId(), deal("\"name\": \"Nul\\u0000name\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/v1/imports/trellis/completions")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "completions.csv", "text/csv",
						"email,item,completed_on\nx\u0000@y.example,AE_FOUNDATIONS,2026-01-01\n"
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.param("dryRun", "false")
				.header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: email"));
		var session = login(admin);
		this.mvc.perform(get("/opportunities").param("q", "a\u0000b").session(session))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/partners").param("q", "a\u0000b").session(session)).andExpect(status().isBadRequest());
		assertThat(dealName()).isEqualTo("Fixture deal");
	}

	@Test
	void aBadTemplateMilestoneIsNamedByItsIndexAndField() throws Exception {
		new Api(this.mvc, this.fixtures.token(admin)).put("/api/v1/activation/template", """
				[{"code": "a", "name": "A", "dueDay": 10, "owner": "PAM"},
				 {"code": "b", "name": "B", "dueDay": 20, "owner": "PAM"},
				 {"code": "c", "name": "C", "dueDay": 500, "owner": "PAM"}]""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("milestones[2].dueDay"));
	}

	@Test
	void aNullElementInAListBodyIsRefusedNamingItsIndex() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.put("/api/v1/activation/template", "[null]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("milestones[0]"));
		api.put("/api/v1/process/stages", "[null]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stages[0]"));
	}

	@Test
	void tenDisputesRaisedAtOnceOnOneDealGiveOneCreatedAndNineConflicts() throws Exception {
		var racing = this.fixtures.world("Racing Disputes");
		var partner = new Api(this.mvc, this.fixtures.token(racing.partnerUser()));
		var start = new CountDownLatch(1);
		var calls = new ArrayList<Callable<Integer>>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> {
				start.await();
				return partner
					.post("/api/v1/opportunities/" + racing.dealId() + "/credit-disputes",
							"{\"proposedCreditType\": \"CO_SELL\", \"proposedShare\": 30, \"reason\": \"race\"}")
					.andReturn()
					.getResponse()
					.getStatus();
			});
		}
		var pool = Executors.newFixedThreadPool(10);
		try {
			var futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			var statuses = new ArrayList<Integer>();
			for (var future : futures) {
				statuses.add(future.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s != 201).allSatisfy(s -> assertThat(s).isEqualTo(409));
			assertThat(statuses).doesNotContain(500);
		}
		finally {
			pool.shutdownNow();
		}
		partner
			.post("/api/v1/opportunities/" + racing.dealId() + "/credit-disputes",
					"{\"proposedCreditType\": \"CO_SELL\", \"proposedShare\": 30, \"reason\": \"late\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("opportunityId"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM credit_dispute WHERE opportunity_id = ?")
			.param(racing.dealId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String deal(String extra) {
		return """
				{"accountId": %d, "amount": 125000, "currency": "USD", "stage": "QUALIFIED", "source": "PARTNER",
				 "partnerId": %d, "creditType": "SOURCED", "partnerShare": 20, "ownerId": %d, %s}"""
			.formatted(world.accountId(), world.partnerId(), world.ae().userId(), extra);
	}

	private String dealName() {
		return this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
