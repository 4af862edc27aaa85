package com.trellis.bench;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnosis, not a figure (roi40): {@code EXPLAIN (ANALYZE, BUFFERS)} of the program's
 * ROI page statement ({@code roi.RoiProgramPageSql.PAGE}) with the generic plan the page
 * uses ({@code roi.PlannedOnce}), on the test database grown by
 * {@code trellis.bench.reinvest-partners} partners (default 40,000) that all hold three
 * weeks of behaviour scores (the latest stored week, 8 and 12 weeks before it, so each
 * has a momentum and is read from the two weeks' index ranges), some tier changes,
 * enablement hours, payouts and program spend in the quarter: the reinvest list's
 * candidates with scores stored for every partner, which the large data reaches. Each of
 * two cost-rate settings (none, as on the large data; PAM time and an hour cost, as on
 * the demo) is explained three times, the page's figures compared with the statement over
 * every partner's cost ({@code roi.RoiPageSqlKept}). All in one transaction, rolled back.
 * Writes {@code target/benchmark-roi-reinvest.txt}.
 */
@Tag("benchmark")
@TrellisTest
class RoiReinvestExplainBenchmark {

	private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-zA-Z]+)");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void explainTheProgramPageWithEveryPartnerScored() throws Exception {
		var out = new StringBuilder();
		var keep = System.getProperty("trellis.bench.reinvest-keep");
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			if (keep == null) {
				status.setRollbackOnly();
			}
			try {
				run(out);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		if (keep != null) {
			keep(Path.of(keep));
		}
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n",
				Files.readString(Path.of("/proc/loadavg")).strip()));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-roi-reinvest.txt"), out);
		System.out.println(out);
	}

	private void run(StringBuilder out) throws Exception {
		int partners = Integer.getInteger("trellis.bench.reinvest-partners", 40_000);
		long started = System.nanoTime();
		grow(partners);
		out.append(String.format(Locale.ROOT, "grown by %d partners in %.1f s; %s%n", partners,
				(System.nanoTime() - started) / 1e9, this.jdbc.sql("""
						SELECT 'partners ' || (SELECT count(*) FROM partner) || ', behaviour scores '
						       || (SELECT count(*) FROM partner_score_week WHERE pillar = 'BEHAVIOUR')
						""").query(String.class).single()));
		var roi = Class.forName("com.trellis.roi.RoiPageSql");
		var programPage = Class.forName("com.trellis.roi.RoiProgramPageSql").getDeclaredField("PAGE");
		programPage.setAccessible(true);
		var keptPage = Class.forName("com.trellis.roi.RoiPageSqlKept").getDeclaredField("PAGE");
		keptPage.setAccessible(true);
		var scopeType = Class.forName("com.trellis.roi.RoiScope");
		var scopeOf = scopeType.getDeclaredConstructor(Long.class, Long.class, Long.class);
		scopeOf.setAccessible(true);
		var program = scopeOf.newInstance(null, null, null);
		Method forScope = roi.getDeclaredMethod("forScope", String.class, scopeType);
		forScope.setAccessible(true);
		var text = (String) forScope.invoke(null, programPage.get(null), program);
		var quarter = this.calendar.currentQuarter();
		var now = Instant.now();
		var end = this.calendar.end(quarter);
		var until = end.isAfter(now) ? now : end;
		var lastDay = quarter.end().isAfter(this.calendar.today()) ? this.calendar.today() : quarter.end().minusDays(1);
		var values = values(quarter, lastDay, until);
		var repository = Class.forName("com.trellis.roi.RoiPageRepository");
		var pages = this.context.getBean(repository);
		var windowType = Class.forName("com.trellis.roi.RoiPageRepository$Window");
		var window = windowType.getDeclaredConstructors()[0];
		window.setAccessible(true);
		var windowValue = window.newInstance(program, quarter, this.calendar.start(quarter), end, lastDay, until);
		Method page = repository.getDeclaredMethod("page", String.class, windowType, Instant.class, LocalDate.class,
				int.class, int.class);
		page.setAccessible(true);
		for (var rates : List.of("0 USD 0 USD", "2500 USD 120 USD")) {
			var r = rates.split(" ");
			this.jdbc.sql("""
					UPDATE roi_cost_rate SET pam_cost_per_partner = :pam, pam_currency = :pamCurrency,
					       enablement_hour_cost = :hour, enablement_currency = :hourCurrency
					""")
				.param("pam", new BigDecimal(r[0]))
				.param("pamCurrency", r[1])
				.param("hour", new BigDecimal(r[2]))
				.param("hourCurrency", r[3])
				.update();
			out.append("## cost rates: PAM ")
				.append(r[0])
				.append(' ')
				.append(r[1])
				.append(", hour ")
				.append(r[2])
				.append(' ')
				.append(r[3])
				.append('\n');
			out.append(this.jdbc.sql("""
					SELECT 'grown partners building (momentum >= 5) outside tier 1 (kept tier): ' || count(*)
					FROM partner_score_week l JOIN partner_score_week e ON e.partner_id = l.partner_id
					 AND e.pillar = 'BEHAVIOUR' AND e.week_start = l.week_start - 56
					JOIN roi_partner_kept k ON k.partner_id = l.partner_id AND k.tier <> 'TIER_1_INVEST'
					WHERE l.pillar = 'BEHAVIOUR' AND l.week_start = :week AND l.score - e.score >= 5
					""").param("week", Date.valueOf(latestWeek())).query(String.class).single()).append('\n');
			this.jdbc.sql("SET plan_cache_mode = force_generic_plan").update();
			this.jdbc
				.sql("PREPARE roi_bench ("
						+ String.join(", ", values.values().stream().map(v -> v.split(" ")[0]).toList()) + ") AS "
						+ positional(text, values.keySet()))
				.update();
			try {
				var execute = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE roi_bench(" + String.join(", ", values.values())
						+ ")";
				for (int run = 1; run <= 3; run++) {
					long t = System.nanoTime();
					var plan = this.jdbc.sql(execute).query(String.class).list();
					out.append(String.format(Locale.ROOT, "### generic plan, run %d (%.1f ms)%n", run,
							(System.nanoTime() - t) / 1e6));
					if (run == 3) {
						plan.forEach(line -> out.append("    ").append(line).append('\n'));
					}
					else {
						plan.stream()
							.filter(line -> line.startsWith("Planning") || line.startsWith("Execution"))
							.forEach(line -> out.append("    ").append(line).append('\n'));
					}
				}
			}
			finally {
				this.jdbc.sql("DEALLOCATE roi_bench").update();
				this.jdbc.sql("RESET plan_cache_mode").update();
			}
			long t = System.nanoTime();
			var read = page.invoke(pages, programPage.get(null), windowValue, until, lastDay, 200, 20);
			double pageMs = (System.nanoTime() - t) / 1e6;
			t = System.nanoTime();
			var kept = page.invoke(pages, keptPage.get(null), windowValue, until, lastDay, 200, 20);
			out.append(String.format(Locale.ROOT,
					"page read through the repository %.1f ms; the statement over every partner's cost %.1f ms%n",
					pageMs, (System.nanoTime() - t) / 1e6));
			assertThat(read).as("the program's page with " + rates).isEqualTo(kept);
		}
	}

	/**
	 * A copy of the test server's data folder, the grown data committed, for psql on a
	 * server of one's own ({@code -Dtrellis.bench.reinvest-keep=folder}).
	 */
	private void keep(Path target) throws java.io.IOException {
		var source = Path.of(this.jdbc.sql("SHOW data_directory").query(String.class).single());
		this.jdbc.sql("CHECKPOINT").update();
		try (var files = Files.walk(source)) {
			for (var file : (Iterable<Path>) files::iterator) {
				var copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else if (!file.getFileName().toString().equals("postmaster.pid")) {
					Files.copy(file, copy);
				}
			}
		}
	}

	/**
	 * The statement's named parameters as typed literals ({@code type 'value'}), in the
	 * order of their numbers.
	 */
	private Map<String, String> values(FiscalQuarter quarter, LocalDate lastDay, Instant until) {
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
	private static String positional(String text, java.util.Collection<String> names) {
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
	private LocalDate latestWeek() {
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
	 * 8 and 12 weeks before it, with tier changes for a tenth, hours in the quarter for a
	 * third (a few values, and some that differ), payouts for 300 and spend for 500.
	 */
	private void grow(int n) {
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
		for (int weeks : new int[] { 12, 8, 0 }) {
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
					    FROM bench_partner b WHERE b.g % 133 = 1 RETURNING id, partner_id
					)
					INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
					SELECT :run, e.id, e.partner_id, round(CAST(random() * 2000 AS NUMERIC), 2), 'USD', :at FROM e
					""")
			.param("program", incentive)
			.param("at", at)
			.param("run", run)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
					SELECT b.id, :day, round(CAST(500 + random() * 5000 AS NUMERIC), 2), 'USD', 'bench', :admin, now()
					FROM bench_partner b WHERE b.g % 80 = 7
					""")
			.param("day", Date.valueOf(quarter.start().plusDays(3)))
			.param("admin", admin)
			.update();
		this.jdbc.sql("ANALYZE").update();
	}

}
