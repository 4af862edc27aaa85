package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every KPI on a small hand-computed program (no demo data in this context). The figures
 * in the comments are the hand computation; docs/metrics.md has the definitions.
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class KpiTests {

	private static final Period Q4 = Period.until(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1));

	@Autowired
	Kpis kpis;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	Viewer admin;

	Viewer pam;

	long x;

	long y;

	Viewer userOfX;

	Viewer userOfY;

	@BeforeEach
	void program() {
		if (this.jdbc.sql("SELECT count(*) FROM partner WHERE name = 'KPI X'").query(Long.class).single() > 0) {
			this.admin = this.fixtures.user(Role.ADMIN);
			return;
		}
		this.admin = this.fixtures.user(Role.ADMIN);
		this.pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		this.x = partner("KPI X", "2026-10-10", "ACTIVE");
		this.y = partner("KPI Y", "2025-01-01", "ACTIVE");
		long w = partner("KPI W", "2026-01-01", "ACTIVE");
		partner("KPI Z", null, "PROSPECT");
		groups(this.x, "{Retail}", "{Cloud migration}");
		groups(this.y, "{Retail,Healthcare}", "{Data}");
		groups(w, "{Healthcare}", "{Cloud migration}");
		long account = this.fixtures.account("KPI customer", "kpi-customer.com", ae.userId());
		deal(account, ae, this.x, "SOURCED", "USD", "10000", "CLOSED_WON", "2026-10-12", "2026-11-01");
		deal(account, ae, this.x, "SOURCED", "EUR", "5000", "CLOSED_LOST", "2026-10-15", "2026-11-05");
		deal(account, ae, this.y, "INFLUENCED", "USD", "20000", "CLOSED_WON", "2026-09-01", "2026-10-20");
		deal(account, ae, this.y, "SOURCED", "USD", "5000", "CLOSED_WON", "2025-02-01", "2025-03-01");
		deal(account, ae, this.x, "SOURCED", "USD", "7777", "CLOSED_WON", "2026-10-20", null);
		deal(account, ae, null, null, "USD", "30000", "CLOSED_WON", "2026-10-01", "2026-11-10");
		deal(account, ae, null, null, "USD", "10000", "CLOSED_LOST", "2026-10-02", "2026-10-30");
		deal(account, ae, null, null, "USD", "40000", "CLOSED_LOST", "2026-10-05", "2026-11-15");
		deal(account, ae, this.y, "CO_SELL", "EUR", "10000", "QUALIFIED", "2026-11-01", null);
		deal(account, ae, this.x, "SOURCED", "USD", "9200", "QUALIFIED", "2026-11-02", null);
		deal(account, ae, null, null, "USD", "20000", "QUALIFIED", "2026-11-03", null);
		// won on the last day of 2026-Q2 (and the only sourced win of 15 June)
		deal(account, ae, w, "SOURCED", "USD", "3000", "CLOSED_WON", "2026-06-01", "2026-06-30");
		deal(account, ae, w, "SOURCED", "USD", "1500", "CLOSED_WON", "2026-06-01", "2026-06-15");
		this.userOfX = this.fixtures.user(Role.PARTNER, this.x, null);
		this.userOfY = this.fixtures.user(Role.PARTNER, this.y, null);
		this.jdbc.sql("UPDATE app_user SET job_role = 'AE' WHERE id = ?").param(this.userOfX.userId()).update();
		this.jdbc.sql("UPDATE app_user SET job_role = 'SE' WHERE id = ?").param(this.userOfY.userId()).update();
		for (var item : List.of("AE-101", "AE-201", "AE-CERT")) {
			complete(this.userOfX, this.x, item, "2026-10-20");
		}
		complete(this.userOfY, this.y, "SE-101", "2026-10-20");
		this.jdbc
			.sql("""
					INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (?, 'PORTAL_LOGIN', '2026-11-20T09:00:00Z')
					""")
			.param(this.x)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at)
					VALUES (?, ?, 'KPI customer', 'a confirmed need', 10000, 'USD', '2027-01-31', 'SOURCED', 20, 'APPROVED',
					        '2026-10-11T00:00:00Z', '2026-10-11T12:00:00Z')
					""")
			.params(this.x, this.userOfX.userId())
			.update();
	}

	@Test
	void everyKpiMatchesTheHandComputation() {
		var k = byCode(this.kpis.compute(this.admin, Q4, Slice.PROGRAM));
		// X (won 11-01) and Y (won 10-20) of the onboarded X, Y, W: 2 of 3
		assertThat(k.get("ACTIVATED_PARTNERS").value()).isEqualByComparingTo("66.7");
		// open pipeline 10000 EUR x 1.08 + 9200 + 20000 = 40000; sourced 9200, co-sell
		// 10800
		assertThat(k.get("PIPELINE_SOURCED").value()).isEqualByComparingTo("23.0");
		assertThat(k.get("PIPELINE_INFLUENCED").value()).isEqualByComparingTo("27.0");
		// only the sourced win closed in Q4; the win with no close date is left out
		assertThat(k.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("10000.00");
		assertThat(k.get("REGISTRATION_VELOCITY").value()).isEqualByComparingTo("12.00");
		// X's AE holds all three AE items, Y's SE one of three
		assertThat(k.get("ENABLEMENT_COMPLETION").value()).isEqualByComparingTo("50.0");
		// Q4 is still running on 2026-11-22: only X logged in within the 30 days before
		// today
		assertThat(k.get("ACTIVE_PARTNER_RATE").value()).isEqualByComparingTo("33.3");
		// sourced: 1 won, 1 lost; direct: 1 won, 2 lost
		assertThat(k.get("WIN_RATE").value()).isEqualTo("50.0");
		assertThat(k.get("WIN_RATE").baseline()).isEqualTo("33.3");
		// partner wins 10000 and 20000; direct win 30000
		assertThat(k.get("AVERAGE_DEAL_SIZE").value()).isEqualByComparingTo("15000.00");
		assertThat(k.get("AVERAGE_DEAL_SIZE").baseline()).isEqualByComparingTo("30000.00");
		// X onboarded 10-10, first win 11-01: 22 days; Y's first win was in 2025
		assertThat(k.get("TIME_TO_FIRST_REVENUE").value()).isEqualByComparingTo("22.00");
		assertThat(k.get("PARTNER_RECRUITMENT").value()).isEqualByComparingTo("1.00");
		// 9 deals created in Q4 (the win without a close date too), one of them co-sell
		assertThat(k.get("CO_SELL_SHARE").value()).isEqualByComparingTo("11.1");
		// partner wins took 20 and 49 days, the direct win 40
		assertThat(k.get("SALES_CYCLE").value()).isEqualByComparingTo("34.50");
		assertThat(k.get("SALES_CYCLE").baseline()).isEqualByComparingTo("40.00");
		assertThat(k.values()).allMatch(kpi -> !kpi.definition().isBlank());
	}

	@Test
	void forecastAttainmentIsClosedWonAgainstTheFirstSnapshotsCommit() {
		var q3 = byCode(this.kpis.compute(this.admin, Period.until(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)),
				Slice.PROGRAM));
		assertThat(q3.get("FORECAST_ATTAINMENT").value()).isNull();
		assertThat(q3.get("FORECAST_ATTAINMENT").definition())
			.endsWith("Not available: no forecast snapshot was taken in 2026-Q3.");
		long pamId = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		// Q4 starts on Thursday 2026-10-01: the snapshot taken that day (week 1) is the
		// first; the later one (week 2) is not used
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES ('2026-10-01', 'PROGRAM', 0, '2026-Q4', 80000, 0, 0, 0, '2026-10-01T05:00:00Z'),
					       ('2026-10-08', 'PROGRAM', 0, '2026-Q4', 10, 0, 0, 0, '2026-10-08T05:00:00Z'),
					       ('2026-10-01', 'PAM', ?, '2026-Q4', 25000, 0, 0, 5000, '2026-10-01T05:00:00Z')
					ON CONFLICT DO NOTHING
					""")
			.param(pamId)
			.update();
		var program = byCode(this.kpis.compute(this.admin, Q4, Slice.PROGRAM)).get("FORECAST_ATTAINMENT");
		// won in Q4: 10000 (X) + 20000 (Y) + 30000 direct = 60000, against 80000
		// committed
		assertThat(program.value()).isEqualByComparingTo("75.0");
		assertThat(program.numerator()).isEqualByComparingTo("60000.00");
		assertThat(program.denominator()).isEqualByComparingTo("80000.00");
		// the PAM's book won 10000 + 20000 against 5000 closed plus 25000 committed
		var book = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.PAM, String.valueOf(pamId))))
			.get("FORECAST_ATTAINMENT");
		assertThat(book.value()).isEqualByComparingTo("100.0");
		var tier = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.TIER, "TIER_1_INVEST")))
			.get("FORECAST_ATTAINMENT");
		assertThat(tier.value()).isNull();
		assertThat(tier.definition())
			.endsWith("Not available: forecast snapshots are taken for the program and each PAM's book, not per tier.");
		var month = byCode(this.kpis.compute(this.admin, Period.month(LocalDate.of(2026, 10, 5)), Slice.PROGRAM))
			.get("FORECAST_ATTAINMENT");
		assertThat(month.definition()).endsWith("choose a fiscal quarter.");
	}

	@Test
	void aPeriodWithoutDealsHasNothingToMeasure() {
		var k = byCode(this.kpis.compute(this.admin, Period.until(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1)),
				Slice.PROGRAM));
		assertThat(k.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("0.00");
		assertThat(k.get("WIN_RATE").value()).isNull();
		assertThat(k.get("SALES_CYCLE").value()).isNull();
	}

	@Test
	void exchangeRatesAreConfigurableAndUsed() {
		var before = this.rates.all().get("EUR");
		try {
			this.rates.set(this.admin, "EUR", new BigDecimal("1.10"));
			// 11000 of 40200
			assertThat(byCode(this.kpis.compute(this.admin, Q4, Slice.PROGRAM)).get("PIPELINE_INFLUENCED").value())
				.isEqualByComparingTo("27.4");
		}
		finally {
			this.rates.set(this.admin, "EUR", before);
		}
	}

	@Test
	void aTrendsPeriodBoundsFedBackIntoTheKpisGiveTheSameFigures() throws Exception {
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(this.admin));
		var json = new tools.jackson.databind.json.JsonMapper();
		var trend = json.readTree(api.get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?from=2026-10-01&to=2026-12-31")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var q2 = trend.get(3);
		assertThat(q2.get("period").asString()).isEqualTo("2026-Q2");
		assertThat(q2.get("to").asString()).isEqualTo("2026-06-30");
		assertThat(q2.get("value").decimalValue()).isEqualByComparingTo("4500.00");
		var kpis = json
			.readTree(api.get("/api/v1/kpis?from=" + q2.get("from").asString() + "&to=" + q2.get("to").asString())
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		for (var kpi : kpis) {
			if ("PARTNER_SOURCED_REVENUE".equals(kpi.get("code").asString())) {
				assertThat(kpi.get("value").decimalValue()).as("the win of 30 June counts")
					.isEqualByComparingTo("4500.00");
			}
		}
		var records = json
			.readTree(api.get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/records?from=2026-04-01&to=2026-06-30")
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(records.size()).isEqualTo(2);
	}

	@Test
	void aRangeFromADayToTheSameDayIsThatDay() throws Exception {
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(this.admin));
		api.get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/records?from=2026-06-15&to=2026-06-15")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].value").value(1500.00));
		api.get("/api/v1/kpis?from=2026-06-16&to=2026-06-15")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
	}

	@Test
	void theTrendAndTheRecordsBehindAKpi() {
		var trend = this.kpis.trend(this.admin, "PARTNER_SOURCED_REVENUE", Q4, Slice.PROGRAM);
		assertThat(trend).hasSize(6);
		assertThat(trend.get(5).get("value")).isEqualTo(new BigDecimal("10000.00"));
		// a fiscal quarter is named as one, with its first and last day beside
		assertThat(trend.get(0)).containsEntry("period", "2025-Q3")
			.containsEntry("from", java.time.LocalDate.of(2025, 7, 1))
			.containsEntry("to", java.time.LocalDate.of(2025, 9, 30));
		assertThat(this.kpis.records(this.admin, "PARTNER_SOURCED_REVENUE", Q4, Slice.PROGRAM).rows())
			.extracting(row -> row.get("value"))
			.containsExactly(new BigDecimal("10000.00"));
	}

	@Test
	void everyKpiDrillsDownToTheRecordsItCounted() {
		// ratios list their denominator and mark the numerator
		assertThat(drill("ACTIVATED_PARTNERS")).containsExactly("partner KPI X counted", "partner KPI Y counted",
				"partner KPI W");
		assertThat(drill("ACTIVE_PARTNER_RATE")).containsExactly("partner KPI X counted", "partner KPI W",
				"partner KPI Y");
		assertThat(drill("ENABLEMENT_COMPLETION")).hasSize(2).filteredOn(r -> r.endsWith("counted")).hasSize(1);
		// shares of the whole program list its every deal, the slice's counted ones
		// first:
		// the open pipeline (9200 sourced, 10800 co-sell, 20000 direct)
		assertThat(drill("PIPELINE_SOURCED")).containsExactly("partner KPI deal 9200.00 counted",
				"direct KPI deal 20000.00", "partner KPI deal 10800.00");
		assertThat(drill("PIPELINE_INFLUENCED")).containsExactly("partner KPI deal 10800.00 counted",
				"direct KPI deal 20000.00", "partner KPI deal 9200.00");
		assertThat(drill("PARTNER_SOURCED_REVENUE")).containsExactly("partner KPI deal 10000.00 counted");
		assertThat(drill("REGISTRATION_VELOCITY")).containsExactly("partner KPI customer (KPI X) 12.00 counted");
		assertThat(drill("TIME_TO_FIRST_REVENUE")).containsExactly("partner KPI X 22.00 counted");
		assertThat(drill("PARTNER_RECRUITMENT")).containsExactly("partner KPI X counted");
		// the 9 deals created in Q4, the co-sell one counted, the rest by creation
		assertThat(drill("CO_SELL_SHARE")).containsExactly("partner KPI deal counted", "direct KPI deal",
				"direct KPI deal", "direct KPI deal", "partner KPI deal", "partner KPI deal", "partner KPI deal",
				"partner KPI deal", "direct KPI deal");
		// comparisons list the partner side, then the direct deals
		assertThat(drill("WIN_RATE")).containsExactly("partner KPI deal 10000.00 counted", "partner KPI deal 5400.00",
				"direct KPI deal 30000.00 counted", "direct KPI deal 10000.00", "direct KPI deal 40000.00");
		assertThat(drill("AVERAGE_DEAL_SIZE")).containsExactly("partner KPI deal 20000.00 counted",
				"partner KPI deal 10000.00 counted", "direct KPI deal 30000.00 counted");
		assertThat(drill("SALES_CYCLE")).containsExactly("partner KPI deal 49.00 counted",
				"partner KPI deal 20.00 counted", "direct KPI deal 40.00 counted");
	}

	@Test
	void aPartnerOnlyGetsItsOwnFiguresAndAPamOnlyTheirBook() {
		var x = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		var y = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI Y'").query(Long.class).single();
		var userOfY = this.fixtures.user(Role.PARTNER, y, null);
		assertThat(byCode(this.kpis.compute(userOfY, Q4, Slice.PROGRAM)).get("PARTNER_SOURCED_REVENUE").value())
			.isEqualByComparingTo("0.00");
		assertThatThrownBy(() -> this.kpis.compute(userOfY, Q4, new Slice(Slice.Kind.PARTNER, String.valueOf(x))))
			.as("another partner's slice is refused, never read as its own")
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.kpis.compute(userOfY, Q4, new Slice(Slice.Kind.TIER, "TIER_1_INVEST")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(byCode(this.kpis.compute(userOfY, Q4, new Slice(Slice.Kind.PARTNER, String.valueOf(y))))
			.get("PARTNER_SOURCED_REVENUE")
			.value()).isEqualByComparingTo("0.00");
		assertThat(this.kpis.records(userOfY, "WIN_RATE", Q4, Slice.PROGRAM).rows()).as("no direct deals for a partner")
			.isEmpty();
		// a share of the whole program: the partner's own deals only, never another
		// partner's or a direct one
		assertThat(this.kpis.records(userOfY, "CO_SELL_SHARE", Q4, Slice.PROGRAM).rows())
			.extracting(r -> r.get("side") + " " + r.get("counted"))
			.containsExactly("partner true");
		assertThat(this.kpis.records(userOfY, "PIPELINE_SOURCED", Q4, Slice.PROGRAM).rows())
			.extracting(r -> r.get("side") + " " + r.get("value") + " " + r.get("counted"))
			.containsExactly("partner 10800.00 false");
		var otherPam = this.fixtures.user(Role.PAM);
		assertThat(byCode(this.kpis.compute(otherPam, Q4, Slice.PROGRAM)).get("PARTNER_SOURCED_REVENUE").value())
			.isEqualByComparingTo("0.00");
		assertThatThrownBy(() -> this.kpis.compute(otherPam, Q4, new Slice(Slice.Kind.PARTNER, String.valueOf(x))))
			.isInstanceOf(AccessDeniedException.class);
		var ownerOfX = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = ?")
			.param(x)
			.query(Long.class)
			.single();
		var owner = new Viewer(ownerOfX, "owner", Role.PAM, null);
		assertThat(byCode(this.kpis.compute(owner, Q4, Slice.PROGRAM)).get("PARTNER_SOURCED_REVENUE").value())
			.isEqualByComparingTo("10000.00");
	}

	/** The drill-down as "side label [value] [counted]" lines. */
	private List<String> drill(String code) {
		return this.kpis.records(this.admin, code, Q4, Slice.PROGRAM)
			.rows()
			.stream()
			.map(r -> (r.get("side") + " " + r.get("label") + (r.get("value") == null ? "" : " " + r.get("value"))
					+ (Boolean.TRUE.equals(r.get("counted")) ? " counted" : "")))
			.toList();
	}

	@Test
	void onboardingQuarterVerticalAndCapabilitySlicesCountOnlyTheirPartners() {
		// cohort 2026-Q4 is X alone: its sourced win, onboarded in the period, activated
		var q4 = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.ONBOARDING_QUARTER, "2026-Q4")));
		assertThat(q4.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("10000.00");
		assertThat(q4.get("PARTNER_RECRUITMENT").value()).isEqualByComparingTo("1.00");
		assertThat(q4.get("ACTIVATED_PARTNERS").numerator()).isEqualByComparingTo("1");
		assertThat(q4.get("ACTIVATED_PARTNERS").denominator()).isEqualByComparingTo("1");
		// cohort 2025-Q1 is Y alone: no sourced win in Q4, its co-sell deal is 10800 of
		// the 40000 open pipeline
		var q1 = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.ONBOARDING_QUARTER, "2025-Q1")));
		assertThat(q1.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("0.00");
		assertThat(q1.get("PIPELINE_INFLUENCED").value()).isEqualByComparingTo("27.0");
		assertThat(q1.get("PIPELINE_SOURCED").value()).isEqualByComparingTo("0.0");
		// Retail is X and Y: both activated; Healthcare is Y and W: one of two
		var retail = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.VERTICAL, "Retail")));
		assertThat(retail.get("ACTIVATED_PARTNERS").value()).isEqualByComparingTo("100.0");
		assertThat(retail.get("PIPELINE_SOURCED").value()).isEqualByComparingTo("23.0");
		var healthcare = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.VERTICAL, "Healthcare")));
		assertThat(healthcare.get("ACTIVATED_PARTNERS").value()).isEqualByComparingTo("50.0");
		assertThat(healthcare.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("0.00");
		// Cloud migration is X and W: X's sourced win; W never won
		var cloud = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.CAPABILITY, "Cloud migration")));
		assertThat(cloud.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("10000.00");
		assertThat(cloud.get("ACTIVATED_PARTNERS").value()).isEqualByComparingTo("50.0");
		// the direct baseline stays the whole program
		assertThat(cloud.get("WIN_RATE").baseline()).isEqualTo("33.3");
	}

	@Test
	void aPamsCohortHoldsOnlyTheirBookAndAPartnerUserIsRefusedACohort() {
		var otherPam = this.fixtures.user(Role.PAM);
		var retail = byCode(this.kpis.compute(otherPam, Q4, new Slice(Slice.Kind.VERTICAL, "Retail")));
		assertThat(retail.get("ACTIVATED_PARTNERS").denominator()).isEqualByComparingTo("0");
		assertThat(retail.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("0.00");
		var ownerOfX = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE name = 'KPI X'")
			.query(Long.class)
			.single();
		var owner = new Viewer(ownerOfX, "owner", Role.PAM, null);
		assertThat(
				byCode(this.kpis.compute(owner, Q4, new Slice(Slice.Kind.VERTICAL, "Retail"))).get("ACTIVATED_PARTNERS")
					.denominator())
			.isEqualByComparingTo("2");
		assertThat(this.kpis.records(owner, "ACTIVATED_PARTNERS", Q4, new Slice(Slice.Kind.VERTICAL, "Retail")).rows())
			.as("the drill-down of a PAM's vertical holds their book's partners")
			.hasSize(2);
		var y = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI Y'").query(Long.class).single();
		var userOfY = this.fixtures.user(Role.PARTNER, y, null);
		assertThatThrownBy(() -> this.kpis.compute(userOfY, Q4, new Slice(Slice.Kind.ONBOARDING_QUARTER, "2026-Q4")))
			.as("a partner user asking for a cohort is refused, never given its own figures instead")
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aCohortSliceCountsThePartnersThatWereItsMembersAtThePeriodsEnd() {
		var x = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		var y = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI Y'").query(Long.class).single();
		long cohort = this.jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at) VALUES ('KPI cohort', 'MANUAL', 'picked', now())
				RETURNING id""").query(Long.class).single();
		// X is a member through the quarter; Y joined only after it ended
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, reason)
				VALUES (:c, :x, '2026-01-01T00:00:00Z', 'picked'), (:c, :y, '2027-02-01T00:00:00Z', 'picked')
				""").param("c", cohort).param("x", x).param("y", y).update();
		var figures = byCode(this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.COHORT, String.valueOf(cohort))));
		assertThat(figures.get("PARTNER_SOURCED_REVENUE").value()).isEqualByComparingTo("10000.00");
		assertThat(figures.get("ACTIVATED_PARTNERS").denominator()).isEqualByComparingTo("1");
		assertThatThrownBy(() -> this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.COHORT, "2026-Q4")))
			.isInstanceOfSatisfying(com.trellis.shared.InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("sliceValue"));
	}

	@Test
	void anOnboardingQuarterIsNamedByItsQuarter() {
		// read by the business calendar once the viewer's scope is settled
		assertThatThrownBy(() -> this.kpis.compute(this.admin, Q4, new Slice(Slice.Kind.ONBOARDING_QUARTER, "2026-5")))
			.isInstanceOfSatisfying(com.trellis.shared.InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("sliceValue"));
	}

	@Test
	void theStageFunnelCountsReachConversionAndMedianDaysInStagePartnerAgainstDirect() {
		var owner = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		long f = this.fixtures.partner("KPI Funnel", owner);
		this.jdbc.sql("UPDATE partner SET onboarded_on = NULL, lifecycle_status = 'PROSPECT' WHERE id = ?")
			.param(f)
			.update();
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("KPI funnel customer", "kpi-funnel.com", ae.userId());
		// P1 goes all the way; P2 is lost in Qualified; P3 was registered before the
		// period
		path(account, ae, f, "REGISTERED 07-01", "QUALIFIED 07-11", "JOINT_WORKING 07-21", "COMMIT 07-26",
				"CLOSED_WON 08-05");
		path(account, ae, f, "REGISTERED 07-05", "QUALIFIED 07-09", "CLOSED_LOST 07-29");
		path(account, ae, f, "REGISTERED 06-20", "QUALIFIED 07-02", "JOINT_WORKING 07-08", "CLOSED_LOST 07-18");
		path(account, ae, null, "REGISTERED 07-03", "QUALIFIED 07-05", "JOINT_WORKING 07-15", "COMMIT 07-20",
				"CLOSED_WON 07-22");
		path(account, ae, null, "REGISTERED 07-10", "CLOSED_LOST 07-16");
		var q3 = Period.until(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1));

		var steps = this.kpis.funnel(this.admin, q3, Slice.PROGRAM);
		assertThat(steps).extracting(FunnelStep::stage)
			.containsExactly("REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT", "CLOSED_WON");
		// partner: reached 2, 3, 2, 1, 1; advanced 2, 2, 1, 1; days 10 and 4; 10, 20
		// and 6; 5 and 10; 10
		assertThat(steps).extracting(s -> s.partner().reached()).containsExactly(2L, 3L, 2L, 1L, 1L);
		assertThat(steps).extracting(s -> s.partner().conversion())
			.containsExactly(new BigDecimal("100.0"), new BigDecimal("66.7"), new BigDecimal("50.0"),
					new BigDecimal("100.0"), null);
		assertThat(steps).extracting(s -> s.partner().medianDays())
			.containsExactly(new BigDecimal("7.0"), new BigDecimal("10.0"), new BigDecimal("7.5"),
					new BigDecimal("10.0"), null);
		// direct: D1 goes all the way (2, 10, 5, 2 days), D2 is lost from Registered
		// after 6
		assertThat(steps).extracting(s -> s.direct().reached()).containsExactly(2L, 1L, 1L, 1L, 1L);
		assertThat(steps).extracting(s -> s.direct().conversion())
			.containsExactly(new BigDecimal("50.0"), new BigDecimal("100.0"), new BigDecimal("100.0"),
					new BigDecimal("100.0"), null);
		assertThat(steps).extracting(s -> s.direct().medianDays())
			.containsExactly(new BigDecimal("4.0"), new BigDecimal("10.0"), new BigDecimal("5.0"),
					new BigDecimal("2.0"), null);

		// another partner's slice has no partner deals; the direct side stays the program
		var x = this.jdbc.sql("SELECT id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		var ofX = this.kpis.funnel(this.admin, q3, new Slice(Slice.Kind.PARTNER, String.valueOf(x)));
		assertThat(ofX).extracting(s -> s.partner().reached()).containsOnly(0L);
		assertThat(ofX.get(0).direct().reached()).isEqualTo(2);
		assertThat(this.kpis.funnel(this.fixtures.user(Role.PAM), q3, Slice.PROGRAM))
			.extracting(s -> s.partner().reached())
			.containsOnly(0L);
	}

	@Test
	void aDealThatSkipsStagesAdvancedFromEveryStageItLeftForALaterOne() {
		var owner = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE name = 'KPI X'").query(Long.class).single();
		long skipper = this.fixtures.partner("KPI Skipper", owner);
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("KPI skipping customer", "kpi-skipping.com", ae.userId());
		// the example: Qualified straight to Closed won, twice; one lost in
		// Qualified
		path(2024, account, ae, skipper, "REGISTERED 01-08", "QUALIFIED 01-10", "CLOSED_WON 02-01");
		path(2024, account, ae, skipper, "REGISTERED 01-09", "QUALIFIED 01-12", "CLOSED_WON 02-20");
		path(2024, account, ae, skipper, "REGISTERED 01-11", "QUALIFIED 01-15", "CLOSED_LOST 02-02");
		// the same kind: Registered straight to Joint working, then Joint working
		// straight to Closed won
		path(2024, account, ae, skipper, "REGISTERED 01-20", "JOINT_WORKING 01-25", "CLOSED_WON 03-01");
		// moving on to a later stage and back still advanced once
		path(2024, account, ae, skipper, "REGISTERED 01-21", "QUALIFIED 01-22", "COMMIT 02-01", "QUALIFIED 02-05",
				"CLOSED_LOST 02-10");
		var q1 = Period.until(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1));

		var steps = this.kpis.funnel(this.admin, q1, new Slice(Slice.Kind.PARTNER, String.valueOf(skipper)));
		// Registered: 5 reached, all 5 moved to a later stage
		// Qualified: 4 reached (the Joint working deal skipped it), 3 advanced (2 won,
		// 1 to Commit), the one lost there did not
		// Joint working: 1 reached, won: 100 %; Commit: 1 reached, moved back and lost
		assertThat(steps).extracting(s -> s.partner().reached()).containsExactly(5L, 4L, 1L, 1L, 3L);
		assertThat(steps).extracting(s -> s.partner().advanced()).containsExactly(5L, 3L, 1L, 0L, 0L);
		assertThat(steps).extracting(s -> s.partner().conversion())
			.containsExactly(new BigDecimal("100.0"), new BigDecimal("75.0"), new BigDecimal("100.0"),
					new BigDecimal("0.0"), null);
	}

	/** A closed deal in 2025 with its stage path, each step "STAGE MM-DD". */
	private void path(long account, Viewer owner, Long partner, String... steps) {
		path(2025, account, owner, partner, steps);
	}

	/** A closed deal in a year with its stage path, each step "STAGE MM-DD". */

	private void path(int year, long account, Viewer owner, Long partner, String... steps) {
		var last = steps[steps.length - 1].split(" ");
		var first = steps[0].split(" ");
		long id = this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'Funnel deal', 1000, 'USD', ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
					        CAST(? AS TIMESTAMPTZ), now()) RETURNING id
					""")
			.params(account, last[0], owner.userId(), partner == null ? "DIRECT" : "PARTNER", partner,
					partner == null ? null : "SOURCED", partner == null ? null : 20, year + "-" + last[1],
					year + "-" + first[1], year + "-" + last[1])
			.query(Long.class)
			.single();
		String from = null;
		for (var step : steps) {
			var parts = step.split(" ");
			this.jdbc.sql("""
					INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
					VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ))
					""").params(id, from, parts[0], year + "-" + parts[1] + "T00:00:00Z").update();
			from = parts[0];
		}
	}

	private void groups(long partner, String verticals, String capabilities) {
		this.jdbc.sql("UPDATE partner SET verticals = CAST(? AS TEXT[]), capabilities = CAST(? AS TEXT[]) WHERE id = ?")
			.params(verticals, capabilities, partner)
			.update();
	}

	private long partner(String name, String onboarded, String status) {
		long id = this.fixtures.partner(name, this.pam.userId());
		this.jdbc.sql("UPDATE partner SET onboarded_on = CAST(? AS DATE), lifecycle_status = ? WHERE id = ?")
			.params(onboarded, status, id)
			.update();
		return id;
	}

	private void deal(long account, Viewer owner, Long partner, String credit, String currency, String amount,
			String stage, String created, String closed) {
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'KPI deal', ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
					        CAST(? AS TIMESTAMPTZ), now())
					""")
			.params(account, new BigDecimal(amount), currency, stage, owner.userId(),
					"SOURCED".equals(credit) ? "PARTNER" : "DIRECT", partner, credit, partner == null ? null : 20,
					created + "T00:00:00Z", created + "T00:00:00Z", closed == null ? null : closed + "T00:00:00Z")
			.update();
	}

	private void complete(Viewer user, long partner, String item, String day) {
		this.jdbc
			.sql("""
					INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source, recorded_by,
					    recorded_at)
					SELECT i.id, ?, ?, CAST(? AS DATE), CAST(? AS DATE) + i.validity_days, 'ADMIN', ?, now()
					FROM enablement_item i WHERE i.code = ?
					""")
			.params(user.userId(), partner, day, day, user.userId(), item)
			.update();
	}

	private static Map<String, Kpi> byCode(List<Kpi> kpis) {
		return kpis.stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
	}

}
