package com.trellis.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data the ROI reinvest benchmark grows the test database by
 * ({@link RoiReinvestExplainBenchmark}): {@link #grow} partners with weekly behaviour
 * scores, tier changes, hours, payouts and spend; and the program statement's parameters
 * as typed literals for {@code PREPARE}/{@code EXECUTE} ({@link #values},
 * {@link #positional}).
 */
final class RoiReinvestBenchData {

	private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-zA-Z]+)");

	/**
	 * Whether some grown partners are paid and spent on in the quarter
	 * ({@code trellis.bench.reinvest-paid}, default true; the large data has neither).
	 */
	private static final boolean PAID = Boolean.parseBoolean(System.getProperty("trellis.bench.reinvest-paid", "true"));

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	RoiReinvestBenchData(JdbcClient jdbc, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/**
	 * The statement's named parameters as typed literals ({@code type 'value'}), in the
	 * order of their numbers.
	 */
	Map<String, String> values(FiscalQuarter quarter, LocalDate lastDay, Instant until) {
		var values = new LinkedHashMap<String, String>();
		values.put("tierDay", "date '" + lastDay + "'");
		values.put("until", "timestamptz '" + until + "'");
		values.put("fromDay", "date '" + quarter.start() + "'");
		values.put("toDay", "date '" + quarter.end() + "'");
		values.put("from", "timestamptz '" + this.calendar.start(quarter) + "'");
		values.put("to", "timestamptz '" + this.calendar.end(quarter) + "'");
		values.put("at", "timestamptz '" + until + "'");
		values.put("listed", "int4 '200'");
		values.put("asOf", "date '" + lastDay + "'");
		values.put("days", "int4 '56'");
		values.put("building", "numeric '5'");
		values.put("stalling", "numeric '-5'");
		values.put("reinvested", "int4 '20'");
		return values;
	}

	/**
	 * The text with each named parameter as {@code $n} in the order of {@code names}.
	 */
	static String positional(String text, java.util.Collection<String> names) {
		var order = new ArrayList<>(names);
		var matcher = PARAM.matcher(text);
		var result = new StringBuilder();
		while (matcher.find()) {
			int index = order.indexOf(matcher.group(1));
			if (index < 0) {
				throw new IllegalStateException("no value for :" + matcher.group(1));
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement("$" + (index + 1)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * The week the scores are stored for: the latest stored week of behaviour scores by
	 * today (the demo's), so that every partner has a score in it as on the large data;
	 * this week's Monday when none is stored.
	 */
	LocalDate latestWeek() {
		var monday = this.calendar.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var stored = this.jdbc
			.sql("SELECT max(week_start) FROM partner_score_week WHERE pillar = 'BEHAVIOUR' AND week_start <= :today")
			.param("today", Date.valueOf(this.calendar.today()))
			.query(Date.class)
			.optional();
		return stored.map(Date::toLocalDate).orElse(monday);
	}

	/**
	 * The program grown by {@code n} partners, each scored in the latest stored week and
	 * the {@code weeksScored - 1} weeks before it (roi40: that week and 8 and 12 weeks
	 * before; ro41: 13 weeks, as on the large data), with tier changes for a tenth, hours
	 * in the quarter for a third (a few values, and some that differ), payouts for 300
	 * and spend for 500.
	 */
	void grow(int n, int weeksScored) {
		var quarter = this.calendar.currentQuarter();
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL LIMIT 1")
			.query(Long.class)
			.single();
		long admin = this.jdbc.sql("SELECT min(id) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single();
		this.jdbc.sql("SELECT setseed(0.40)").query().listOfRows();
		this.jdbc
			.sql("""
					CREATE TEMP TABLE bench_partner ON COMMIT DROP AS
					WITH made AS (
					    INSERT INTO partner (name, type, region, onboarded_on, owner_pam_id, lifecycle_status, tier, created_at,
					                         updated_at)
					    SELECT 'Bench reinvest ' || g, 'SI', 'EMEA', CASE WHEN g % 9 = 0 THEN NULL ELSE DATE '2025-01-01' END,
					           :pam, (ARRAY['ACTIVE', 'ACTIVE', 'ONBOARDING', 'DORMANT', 'SUNSET', 'PROSPECT'])[1 + g % 6],
					           (ARRAY['TIER_1_INVEST', 'TIER_2_EMERGING', 'TIER_3_BASELINE'])[1 + (g / 6) % 3],
					           TIMESTAMPTZ '2024-06-01 00:00:00Z', now()
					    FROM generate_series(1, :n) g RETURNING id
					)
					SELECT id, row_number() OVER (ORDER BY id) AS g FROM made
					""")
			.param("pam", pam)
			.param("n", n)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_by, changed_at)
					SELECT b.id, 'TIER_3_BASELINE', (ARRAY['TIER_1_INVEST', 'TIER_2_EMERGING'])[1 + b.g % 2],
					       DATE '2025-06-01' + CAST(b.g % 500 AS INT), 'MANUAL', 'bench', :admin, now()
					FROM bench_partner b WHERE b.g % 10 = 0
					""")
			.param("admin", admin)
			.update();
		var latest = latestWeek();
		for (int weeks = weeksScored - 1; weeks >= 0; weeks--) {
			this.jdbc
				.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
						SELECT b.id, :week, 'FY-W', :week, 'BEHAVIOUR', round(CAST(random() * 100 AS NUMERIC), 1), now()
						FROM bench_partner b
						""")
				.param("week", Date.valueOf(latest.minusWeeks(weeks)))
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO roi_hours_month_fact (month, partner_id, completions, hours)
				SELECT :month, b.id, 1, CASE WHEN b.g % 2 = 0 THEN (ARRAY[2, 4, 6.5, 8, 12])[1 + b.g % 5]
				                              ELSE round(CAST(random() * 40 AS NUMERIC), 2) END
				FROM bench_partner b WHERE b.g % 3 = 0
				ON CONFLICT (month, partner_id) DO NOTHING
				""").param("month", Date.valueOf(quarter.start())).update();
		var at = Timestamp.from(this.calendar.start(quarter).plusSeconds(86_400));
		long incentive = this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, ends_on, params, created_at)
				VALUES ('Bench reinvest', 'FAST_START_SPIFF', 'USD', DATE '2026-01-01', DATE '2026-01-01',
				       '{"bonus": "1", "firstDeals": 1, "withinDays": 1}'::jsonb, :at) RETURNING id
				""").param("at", at).query(Long.class).single();
		long run = this.jdbc
			.sql("INSERT INTO payout_run (started_at, finished_at, status) VALUES (:at, :at, 'FINISHED') RETURNING id")
			.param("at", at)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					WITH e AS (
					    INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					    SELECT b.id, :program, CASE WHEN b.g % 2 = 0 THEN 'SPIFF' ELSE 'MDF_REIMBURSEMENT' END, 'bench', 100,
					           'USD', 'bench', :at
					    FROM bench_partner b WHERE :paid AND b.g % 133 = 1 RETURNING id, partner_id
					)
					INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
					SELECT :run, e.id, e.partner_id, round(CAST(random() * 2000 AS NUMERIC), 2), 'USD', :at FROM e
					""")
			.param("program", incentive)
			.param("at", at)
			.param("run", run)
			.param("paid", PAID)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
					SELECT b.id, :day, round(CAST(500 + random() * 5000 AS NUMERIC), 2), 'USD', 'bench', :admin, now()
					FROM bench_partner b WHERE :paid AND b.g % 80 = 7
					""")
			.param("day", Date.valueOf(quarter.start().plusDays(3)))
			.param("admin", admin)
			.param("paid", PAID)
			.update();
		this.jdbc.sql("ANALYZE").update();
	}

}
