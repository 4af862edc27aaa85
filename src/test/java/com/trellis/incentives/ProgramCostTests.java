package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Program cost per partner is ranked after each currency is converted into the reporting
 * currency.
 */
@TrellisTest
class ProgramCostTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Test
	void yen100000RanksBelowUsd11420OnceConverted() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var program = this.incentives.createProgram(admin,
				new ProgramCommand("Cost referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31),
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var yen = this.fixtures.world("Yen Cost Partners");
		var dollars = this.fixtures.world("Dollar Cost Partners");
		var mixed = this.fixtures.world("Mixed Cost Partners");
		earning(yen.partnerId(), program.id(), "100000", "JPY");
		earning(dollars.partnerId(), program.id(), "11420.00", "USD");
		// USD 11,000 + JPY 100,000 (USD 670.00) = USD 11,670.00: above the dollars alone
		earning(mixed.partnerId(), program.id(), "11000.00", "USD");
		earning(mixed.partnerId(), program.id(), "100000", "JPY");

		var body = new Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/incentives/cost-per-partner")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var rows = this.json.readTree(body);
		int yenAt = position(rows, yen.partnerId());
		int dollarsAt = position(rows, dollars.partnerId());
		int mixedAt = position(rows, mixed.partnerId());
		assertThat(mixedAt).isLessThan(dollarsAt);
		assertThat(dollarsAt).isLessThan(yenAt);
		assertThat(rows.get(yenAt).get("total").decimalValue()).isEqualByComparingTo("670.00");
		assertThat(rows.get(yenAt).get("currency").asString()).isEqualTo("USD");
		assertThat(rows.get(mixedAt).get("total").decimalValue()).isEqualByComparingTo("11670.00");
		assertThat(rows.get(mixedAt).get("byCurrency").get("JPY").decimalValue()).isEqualByComparingTo("100000");

		var page = this.mvc.perform(get("/incentives").session(login(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("Mixed Cost Partners")).isLessThan(page.indexOf("Dollar Cost Partners"));
		assertThat(page.indexOf("Dollar Cost Partners")).isLessThan(page.indexOf("Yen Cost Partners"));
	}

	private static int position(JsonNode rows, long partnerId) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get("partnerId").asLong() == partnerId) {
				return i;
			}
		}
		throw new AssertionError("partner " + partnerId + " is not in the cost list");
	}

	private void earning(long partnerId, long programId, String amount, String currency) {
		this.jdbc.sql("""
				INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis,
				    earned_at)
				VALUES (?, ?, 'REFERRAL', ?, ?, ?, 'test', ?)
				""")
			.params(partnerId, programId, "test:" + currency, new BigDecimal(amount), currency,
					Timestamp.from(Instant.parse("2017-06-01T12:00:00Z")))
			.update();
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
