package com.trellis.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each KPI of a slice (the program, a PAM's book, a tier, one partner) read by its own
 * SQL (facts for the program, the slice's partners one by one otherwise) equals the same
 * figure recomputed from the records its drill-down lists, which read the base tables:
 * random deals (fixed seed) of partners in two books, won, lost and open, in two
 * currencies, and registrations.
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class SliceKpiRecordsTests {

	private static final Period QUARTER = Period.until(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 7, 1));

	private static final String[] STAGES = { "CLOSED_WON", "CLOSED_WON", "CLOSED_LOST", "QUALIFIED", "JOINT_WORKING" };

	private static final String[] CREDITS = { "SOURCED", "INFLUENCED", "CO_SELL" };

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	KpiRecords records;

	@Autowired
	java.time.Clock clock;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySlicesKpisEqualTheRecordsTheyCount() {
		var random = new Random(15);
		var admin = this.fixtures.user(Role.ADMIN);
		var ae = this.fixtures.user(Role.AE);
		var pams = List.of(this.fixtures.user(Role.PAM), this.fixtures.user(Role.PAM));
		long account = this.fixtures.account("Slice records customer", "slice-records.example", ae.userId());
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 8; i++) {
			long id = this.fixtures.partner("Slice records partner " + i, pams.get(i % 2).userId());
			this.jdbc.sql("UPDATE partner SET onboarded_on = CAST(? AS DATE), lifecycle_status = 'ACTIVE' WHERE id = ?")
				.params(LocalDate.of(2018, 1 + random.nextInt(12), 1 + random.nextInt(28)), id)
				.update();
			partners.add(id);
		}
		for (int i = 0; i < 120; i++) {
			Long partner = random.nextInt(4) == 0 ? null : partners.get(random.nextInt(partners.size()));
			var stage = STAGES[random.nextInt(STAGES.length)];
			var created = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(170));
			var closed = created.plusDays(1 + random.nextInt(60));
			deal(account, ae, partner, partner == null ? null : CREDITS[random.nextInt(CREDITS.length)],
					random.nextBoolean() ? "USD" : "EUR", 500 + random.nextInt(20_000), stage, created,
					stage.startsWith("CLOSED") ? closed : null);
		}
		for (int i = 0; i < 30; i++) {
			registration(partners.get(random.nextInt(partners.size())), ae.userId(),
					LocalDate.of(2019, 3, 20).plusDays(random.nextInt(90)), 1 + random.nextInt(200));
		}
		// the program last: in a database shared with other test classes its drill-downs
		// may reach their limit (see records)
		var slices = List.of(new Slice(Slice.Kind.PAM, String.valueOf(pams.get(0).userId())),
				new Slice(Slice.Kind.PARTNER, String.valueOf(partners.get(3))), Slice.PROGRAM);
		int checked = 0;
		for (var slice : slices) {
			var figures = new java.util.HashMap<String, Kpi>();
			this.kpis.compute(admin, QUARTER, slice).forEach(kpi -> figures.put(kpi.code(), kpi));
			for (var code : Set.of("ACTIVATED_PARTNERS", "CO_SELL_SHARE")) {
				var rows = records(admin, code, QUARTER, slice);
				// a ratio lists its denominator (co-sell share: every deal created in the
				// period, the program's), marking its numerator
				assertThat(figures.get(code).denominator()).as(slice + " " + code)
					.isEqualByComparingTo(BigDecimal.valueOf(rows.size()));
				assertThat(figures.get(code).numerator()).as(slice + " " + code)
					.isEqualByComparingTo(BigDecimal.valueOf(rows.stream().filter(this::counted).count()));
			}
			// the program's figure sums kept day rows (V116); its records list the users
			var users = this.kpis.records(admin, "ENABLEMENT_COMPLETION", QUARTER, slice).rows();
			if (users.size() < KpiRecords.LIMIT) {
				assertThat(figures.get("ENABLEMENT_COMPLETION").denominator()).as(slice + " enablement users")
					.isEqualByComparingTo(BigDecimal.valueOf(users.size()));
				assertThat(figures.get("ENABLEMENT_COMPLETION").numerator()).as(slice + " enablement holding")
					.isEqualByComparingTo(BigDecimal.valueOf(users.stream().filter(this::counted).count()));
			}
			for (var code : List.of("PIPELINE_SOURCED", "PIPELINE_INFLUENCED")) {
				var pipeline = records(admin, code, QUARTER, slice);
				assertThat(figures.get(code).numerator()).as(slice + " " + code)
					.isEqualByComparingTo(sum(pipeline.stream().filter(this::counted).toList(), "partner"));
				// the whole open pipeline: every side
				assertThat(figures.get(code).denominator()).as(slice + " " + code + " denominator")
					.isEqualByComparingTo(
							sum(pipeline, "partner").add(sum(pipeline, "other")).add(sum(pipeline, "direct")));
			}
			assertThat(figures.get("PARTNER_SOURCED_REVENUE").value()).as(slice + " sourced revenue")
				.isEqualByComparingTo(sum(records(admin, "PARTNER_SOURCED_REVENUE", QUARTER, slice), "partner"));
			var average = records(admin, "AVERAGE_DEAL_SIZE", QUARTER, slice);
			same(slice + " average deal size", figures.get("AVERAGE_DEAL_SIZE").value(), average(average, "partner"));
			same(slice + " average direct deal size", figures.get("AVERAGE_DEAL_SIZE").baseline(),
					average(average, "direct"));
			var wins = records(admin, "WIN_RATE", QUARTER, slice);
			var partnerSide = wins.stream().filter(row -> "partner".equals(row.get("side"))).toList();
			same(slice + " win rate", figures.get("WIN_RATE").value(),
					partnerSide.isEmpty() ? null
							: BigDecimal.valueOf(100 * partnerSide.stream().filter(this::counted).count())
								.divide(BigDecimal.valueOf(partnerSide.size()), 1, RoundingMode.HALF_UP));
			for (var code : List.of("SALES_CYCLE", "TIME_TO_FIRST_REVENUE", "REGISTRATION_VELOCITY")) {
				assertMedian(figures.get(code).value(), records(admin, code, QUARTER, slice), "partner",
						slice + " " + code);
			}
			assertMedian(figures.get("SALES_CYCLE").baseline(), records(admin, "SALES_CYCLE", QUARTER, slice), "direct",
					slice + " direct sales cycle");
			assertCounts(slice);
			checked++;
		}
		assertThat(checked).isEqualTo(slices.size());
	}

	/**
	 * The page's count of the shares' and sourced revenue's records (their own
	 * statements, counted in no order) is the number of rows their records statement
	 * lists, up to the limit asked: for vendor staff and for a partner user's own side.
	 */
	private void assertCounts(Slice slice) {
		var at = QUARTER.at(this.clock.instant(), this.calendar.zone());
		for (var code : List.of("PIPELINE_SOURCED", "PIPELINE_INFLUENCED", "PARTNER_SOURCED_REVENUE")) {
			for (boolean sliceOnly : Slice.PROGRAM.equals(slice) ? new boolean[] { false }
					: new boolean[] { false, true }) {
				long rows = this.records.of(code, at, slice, 0, Long.MAX_VALUE, sliceOnly).size();
				assertThat(rows).as(slice + " " + code + " has records").isPositive();
				for (long upTo : new long[] { 1, 7, Long.MAX_VALUE }) {
					assertThat(this.records.count(code, at, slice, upTo, sliceOnly))
						.as(slice + " " + code + " counted up to " + upTo + (sliceOnly ? ", own side" : ""))
						.isEqualTo(Math.min(upTo, rows));
				}
			}
		}
	}

	private static void assertMedian(BigDecimal figure, List<Map<String, Object>> rows, String side, String what) {
		var median = median(rows, side);
		if (median == null) {
			assertThat(figure).as(what).isNull();
		}
		else {
			// the figure is shown at its own scale (days and hours at one decimal)
			assertThat(figure).as(what).isNotNull();
			assertThat(figure).as(what).isEqualByComparingTo(median.setScale(figure.scale(), RoundingMode.HALF_UP));
		}
	}

	private static void same(String what, BigDecimal figure, BigDecimal expected) {
		if (expected == null) {
			assertThat(figure).as(what).isNull();
		}
		else {
			assertThat(figure).as(what).isEqualByComparingTo(expected);
		}
	}

	/**
	 * The records of a KPI; the check stops (aborted, not passed) when a drill-down holds
	 * its limit of rows, which only the program's can in a shared test database.
	 */
	private List<Map<String, Object>> records(Viewer admin, String code, Period period, Slice slice) {
		var rows = this.kpis.records(admin, code, period, slice).rows();
		org.junit.jupiter.api.Assumptions.assumeTrue(rows.size() < KpiRecords.LIMIT,
				() -> slice + ": the drill-down of " + code + " holds its limit of rows");
		return rows;
	}

	private boolean counted(Map<String, Object> row) {
		return Boolean.TRUE.equals(row.get("counted"));
	}

	private static BigDecimal sum(List<Map<String, Object>> rows, String side) {
		return rows.stream()
			.filter(row -> side.equals(row.get("side")))
			.map(row -> (BigDecimal) row.get("value"))
			// a deal whose amount is unknown has no value and adds nothing
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal average(List<Map<String, Object>> rows, String side) {
		var values = rows.stream().filter(row -> side.equals(row.get("side"))).toList();
		if (values.isEmpty()) {
			return null;
		}
		return sum(values, side).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal median(List<Map<String, Object>> rows, String side) {
		var values = rows.stream()
			.filter(row -> side.equals(row.get("side")))
			.map(row -> new BigDecimal(String.valueOf(row.get("value"))))
			.sorted()
			.toList();
		int n = values.size();
		if (n == 0) {
			return null;
		}
		return n % 2 == 1 ? values.get(n / 2)
				: values.get(n / 2 - 1).add(values.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
	}

	private void deal(long account, Viewer owner, Long partner, String credit, String currency, int amount,
			String stage, LocalDate created, LocalDate closed) {
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'Slice records deal', ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
					        CAST(? AS TIMESTAMPTZ), now())
					""")
			.params(account, BigDecimal.valueOf(amount), currency, stage, owner.userId(),
					"SOURCED".equals(credit) ? "PARTNER" : "DIRECT", partner, credit, partner == null ? null : 20,
					created + "T09:00:00Z", created + "T09:00:00Z", closed == null ? null : closed + "T15:00:00Z")
			.update();
	}

	private void registration(long partner, long registeredBy, LocalDate submitted, int hours) {
		this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at)
					VALUES (?, ?, 'Slice records customer', 'a confirmed need', 10000, 'USD', '2019-12-31', 'SOURCED', 20,
					        'APPROVED', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ) + make_interval(hours => ?))
					""")
			.params(partner, registeredBy, submitted + "T08:00:00Z", submitted + "T08:00:00Z", hours)
			.update();
	}

}
