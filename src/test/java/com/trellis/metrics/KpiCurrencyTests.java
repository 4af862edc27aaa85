package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every amount the KPI API answers names its currency (the reporting currency), in the
 * KPIs, their trend and their records; figures that are no amounts name none. And an
 * exchange rate out of range is refused naming {@code toReporting}.
 */
@TrellisTest
class KpiCurrencyTests {

	private static final String PERIOD = "from=2026-10-01&to=2026-12-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMoneyFigureOfTheKpisTheirTrendAndTheirRecordsCarriesTheReportingCurrency() throws Exception {
		var world = this.fixtures.world("Currency KPI Partners");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.parse("2026-11-10T10:00:00Z")), world.dealId())
			.update();
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));

		var kpis = read(api, "/api/v1/kpis?" + PERIOD);
		assertThat(kpis).filteredOn(k -> "MONEY".equals(k.get("unit")))
			.extracting(k -> k.get("code"))
			.contains("PARTNER_SOURCED_REVENUE", "AVERAGE_DEAL_SIZE");
		assertThat(kpis).filteredOn(k -> "MONEY".equals(k.get("unit")))
			.allSatisfy(k -> assertThat(k).containsEntry("currency", "USD"));
		// a share of two amounts names their currency; a share of counts names none
		assertThat(kpis).filteredOn(k -> "PIPELINE_SOURCED".equals(k.get("code")))
			.singleElement()
			.satisfies(k -> assertThat(k).containsEntry("currency", "USD"));
		assertThat(kpis).filteredOn(k -> "ACTIVE_PARTNER_RATE".equals(k.get("code")))
			.singleElement()
			.satisfies(k -> assertThat(k).containsEntry("currency", null));

		assertThat(read(api, "/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?" + PERIOD)).hasSize(6)
			.allSatisfy(point -> assertThat(point).containsEntry("currency", "USD"));
		assertThat(read(api, "/api/v1/kpis/AVERAGE_DEAL_SIZE/records?" + PERIOD)).isNotEmpty()
			.allSatisfy(row -> assertThat(row).containsEntry("currency", "USD"));
		assertThat(read(api, "/api/v1/kpis/SALES_CYCLE/records?" + PERIOD)).isNotEmpty()
			.allSatisfy(row -> assertThat(row).containsEntry("currency", null));
	}

	@Test
	void theForecastsWeekOnWeekChangesNameTheirCurrency() throws Exception {
		// two snapshots of the program's current quarter, whatever the start-up took
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES ('2026-11-02', 'PROGRAM', 0, '2026-Q4', 100.1234, 0, 0, 0, '2026-11-02T05:00:00Z'),
					       ('2026-11-09', 'PROGRAM', 0, '2026-Q4', 0, 0, 0, 0, '2026-11-09T05:00:00Z')
					ON CONFLICT DO NOTHING
					""")
			.update();
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		assertThat(read(api, "/api/v1/forecast/changes")).isNotEmpty()
			.allSatisfy(row -> assertThat(row).containsEntry("currency", "USD"));
	}

	@Test
	void anExchangeRateOutOfRangeIsRefusedNamingToReportingAndTheRange() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (var rate : List.of("1000.5", "0.000000001", "0", "-1", "1.123456789")) {
			api.put("/api/v1/exchange-rates/ZAR", "{\"toReporting\": " + rate + "}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("toReporting"))
				.andExpect(jsonPath("$.errors[0].message")
					.value("must be a rate from 0.00000001 to 1000 with at most 8 decimals"));
		}
		// a rate with an exponent is not read at all (PlainDecimals), whatever its size
		for (var rate : List.of("1e30", "1e-10")) {
			api.put("/api/v1/exchange-rates/ZAR", "{\"toReporting\": " + rate + "}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("toReporting"))
				.andExpect(jsonPath("$.errors[0].message").value(com.trellis.shared.PlainDecimals.EXPONENT_TEXT));
		}
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM exchange_rate WHERE currency = 'ZAR'").query(Long.class).single())
			.isZero();
		api.put("/api/v1/exchange-rates/ZAR", "{\"toReporting\": 0.095}").andExpect(status().isOk());
		this.jdbc.sql("DELETE FROM exchange_rate WHERE currency = 'ZAR'").update();
	}

	private static List<Map<String, Object>> read(Api api, String url) throws Exception {
		var json = api.get(url).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonMapper.builder().build().readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

}
