package com.trellis.incentives;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A program whose parameters would earn amounts no money column holds is refused when it
 * is defined, naming the parameter, rather than breaking every partner's earnings later.
 */
@TrellisTest
class ProgramInputTests {

	private static final String PROGRAM = """
			{"name": "Unbounded %s", "kind": "%s", "currency": "USD", "startsOn": "2026-01-01", "params": %s}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void programParametersOutOfBoundsOrUnknownAreRefusedNamingTheParameter() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long programs = this.fixtures.count("incentive_program");
		String[][] refused = {
				{ "REFERRAL", "{\"sourcedPercent\": 1e21, \"influencedPercent\": 5, \"coSellPercent\": 3}",
						"params.sourcedPercent" },
				{ "REFERRAL", "{\"sourcedPercent\": 600, \"influencedPercent\": 5, \"coSellPercent\": 500}",
						"params.coSellPercent" },
				{ "REFERRAL", "{\"sourcedPercent\": 10, \"influencedPercent\": 5, \"coSellPercent\": 3, \"bogus\": 1}",
						"params.bogus" },
				{ "QUARTERLY_REBATE", "{\"tiers\": [{\"threshold\": 0, \"value\": 1e40}]}", "params.tiers[0].value" },
				{ "FAST_START_SPIFF", "{\"bonus\": 500, \"firstDeals\": 4, \"withinDays\": 90}", "params.firstDeals" },
				// a number in quotes, as in every API body
				{ "FAST_START_SPIFF", "{\"bonus\": \"5000\", \"firstDeals\": 1, \"withinDays\": 90}", "params.bonus" },
				{ "QUARTERLY_REBATE", "{\"tiers\": [{\"threshold\": \"100000\", \"value\": 2}]}",
						"params.tiers[0].threshold" } };
		for (var program : refused) {
			admin.post("/api/v1/incentive-programs", PROGRAM.formatted(program[0], program[0], program[1]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == '" + program[2] + "')]").exists());
		}
		assertThat(this.fixtures.count("incentive_program")).isEqualTo(programs);

		admin
			.post("/api/v1/incentive-programs",
					PROGRAM.formatted("ok", "REFERRAL",
							"{\"sourcedPercent\": 10, \"influencedPercent\": 5.5, \"coSellPercent\": 3}"))
			.andExpect(status().isCreated());
	}

	@Test
	void everyBadFieldOfAProgramIsNamedInOneAnswerOnTheApiAndThePage() throws Exception {
		var viewer = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(viewer));
		long programs = this.fixtures.count("incentive_program");
		admin.post("/api/v1/incentive-programs", """
				{"name": " ", "kind": "QUARTERLY_REBATE", "currency": "USD", "startsOn": "2026-06-01",
				 "endsOn": "2026-01-01", "params": {"tiers": [{"threshold": 0, "value": 1e40}]}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'endsOn')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'params.tiers[0].value')]").exists());
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(viewer);
		var page = this.mvc
			.perform(post("/incentives/programs/new").session(session)
				.with(csrf())
				.param("name", "")
				.param("kind", "QUARTERLY_REBATE")
				.param("currency", "USD")
				.param("startsOn", "2026-06-01")
				.param("endsOn", "2026-01-01")
				// a plain percent out of range (1e40 is refused for its exponent, as in
				// every amount field)
				.param("tiers", "0: 1000"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("must not be blank", "must not be before the program starts",
				"must be a percentage from 0 to 100");
		// failed before (s59 try-out): the tier's error said "Value", not which line
		assertThat(page.getContentAsString()).contains("Line 1, value: must be a percentage");
		assertThat(this.fixtures.count("incentive_program")).isEqualTo(programs);
	}

	/**
	 * try12: an unreadable or blank line moved every later tier's error up a line ("Line
	 * 3" for what was typed on line 4). Each error names the line as typed.
	 */
	@Test
	void aTiersErrorNamesTheLineItWasTypedOn() throws Exception {
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.fixtures.user(Role.ADMIN));
		long programs = this.fixtures.count("incentive_program");
		var page = this.mvc
			.perform(post("/incentives/programs/new").session(session)
				.with(csrf())
				.param("name", "Lines as typed")
				.param("kind", "QUARTERLY_REBATE")
				.param("currency", "JPY")
				.param("startsOn", "2027-01-01")
				.param("tiers", "\n1000: 2\n500: 3\nabc\n\n1e5: 4\n2000.5: 1\n3000: 101"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("Line 4: write each tier", "Line 6, threshold:",
				"Line 7, threshold:", "Line 8, value: must be a percentage");
		assertThat(this.fixtures.count("incentive_program")).isEqualTo(programs);
	}

	/** Failed before (s59 try-out): a program of 5,000 tiers was taken. */
	@Test
	void aProgramHasAtMostFiftyTiers() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var tiers = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			tiers.append(i == 0 ? "" : ", ").append("{\"threshold\": ").append(i * 1000).append(", \"value\": 1}");
		}
		admin.post("/api/v1/incentive-programs", """
				{"name": "Many tiers", "kind": "QUARTERLY_REBATE", "currency": "USD", "startsOn": "2026-01-01",
				 "params": {"tiers": [%s]}}""".formatted(tiers))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("params.tiers"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("at most 50")));
	}

}
