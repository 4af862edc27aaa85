package com.trellis.bench;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.BusinessCalendar;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnosis, not a figure (roi40, ro41): {@code EXPLAIN (ANALYZE, BUFFERS)} of the
 * program's ROI page statement ({@code roi.RoiProgramPageSql.PAGE}) and of the one it
 * replaced ({@code roi.RoiReinvestSqlBefore.PAGE}: every partner's momentum from the
 * scores), with the generic plan the page uses ({@code roi.PlannedOnce}), on the test
 * database grown by {@code trellis.bench.reinvest-partners} partners (default 40,000)
 * that all hold {@code trellis.bench.reinvest-weeks} weeks of behaviour scores (default
 * 13, the latest stored week and the weeks before it, as on the large data; roi40
 * measured three), some tier changes, enablement hours, payouts and program spend in the
 * quarter. Each of two cost-rate settings (none, as on the large data; PAM time and an
 * hour cost, as on the demo) is explained {@code trellis.bench.reinvest-runs} times
 * (default 7) each, alternated after a warm-up, the page's figures compared with the
 * statement over every partner's cost ({@code roi.RoiPageSqlKept}) and the replaced one.
 * Before that, the cost of the kept momentum's triggers to the write of a week of scores,
 * and of its rebuild. All in one transaction, rolled back. Writes
 * {@code target/benchmark-roi-reinvest.txt}.
 */
@Tag("benchmark")
@TrellisTest
class RoiReinvestExplainBenchmark {

	@Autowired
	javax.sql.DataSource dataSource;

	/** On the transaction's connection, without the request-sized timeout. */
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
		this.jdbc = JdbcClient.create(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource));
		int partners = Integer.getInteger("trellis.bench.reinvest-partners", 40_000);
		int weeks = Integer.getInteger("trellis.bench.reinvest-weeks", 13);
		var data = new RoiReinvestBenchData(this.jdbc, this.calendar);
		long started = System.nanoTime();
		data.grow(partners, weeks);
		out.append(String.format(Locale.ROOT, "grown by %d partners x %d weeks in %.1f s; %s%n", partners, weeks,
				(System.nanoTime() - started) / 1e9, this.jdbc.sql("""
						SELECT 'partners ' || (SELECT count(*) FROM partner) || ', behaviour scores '
						       || (SELECT count(*) FROM partner_score_week WHERE pillar = 'BEHAVIOUR')
						       || ', kept momentum rows ' || (SELECT count(*) FROM roi_momentum_week)
						""").query(String.class).single()));
		writes(out, data.latestWeek());
		var roi = Class.forName("com.trellis.roi.RoiPageSql");
		var statements = new LinkedHashMap<String, String>();
		for (var name : List.of("RoiReinvestSqlBefore", "RoiProgramPageSql", "RoiPageSqlKept")) {
			var field = Class.forName("com.trellis.roi." + name).getDeclaredField("PAGE");
			field.setAccessible(true);
			statements.put(name, (String) field.get(null));
		}
		var scopeType = Class.forName("com.trellis.roi.RoiScope");
		var scopeOf = scopeType.getDeclaredConstructor(Long.class, Long.class, Long.class);
		scopeOf.setAccessible(true);
		var program = scopeOf.newInstance(null, null, null);
		Method forScope = roi.getDeclaredMethod("forScope", String.class, scopeType);
		forScope.setAccessible(true);
		var quarter = this.calendar.currentQuarter();
		var now = Instant.now();
		var end = this.calendar.end(quarter);
		var until = end.isAfter(now) ? now : end;
		var lastDay = quarter.end().isAfter(this.calendar.today()) ? this.calendar.today() : quarter.end().minusDays(1);
		var values = data.values(quarter, lastDay, until);
		var repository = Class.forName("com.trellis.roi.RoiPageRepository");
		var pages = this.context.getBean(repository);
		var windowType = Class.forName("com.trellis.roi.RoiPageRepository$Window");
		var window = windowType.getDeclaredConstructors()[0];
		window.setAccessible(true);
		var windowValue = window.newInstance(program, quarter, this.calendar.start(quarter), end, lastDay, until);
		Method page = repository.getDeclaredMethod("page", String.class, windowType, Instant.class, LocalDate.class,
				int.class, int.class);
		page.setAccessible(true);
		int runs = Integer.getInteger("trellis.bench.reinvest-runs", 7);
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
			out.append(String.format(Locale.ROOT, "## cost rates: PAM %s %s, hour %s %s%n", r[0], r[1], r[2], r[3]));
			var explained = new LinkedHashMap<String, Explained>();
			for (var name : List.of("RoiReinvestSqlBefore", "RoiProgramPageSql")) {
				var text = (String) forScope.invoke(null, statements.get(name), program);
				explained.put(name, new Explained(this.jdbc, name.toLowerCase(Locale.ROOT), text, values));
			}
			try {
				// alternated, the first of each a warm-up
				for (int run = 0; run <= runs; run++) {
					for (var e : explained.values()) {
						e.run(run > 0);
					}
				}
			}
			finally {
				explained.values().forEach(Explained::close);
			}
			explained.forEach((name, e) -> e.report(name, out));
			var read = new LinkedHashMap<String, Object>();
			for (var name : statements.keySet()) {
				long t = System.nanoTime();
				read.put(name, page.invoke(pages, statements.get(name), windowValue, until, lastDay, 200, 20));
				out.append(String.format(Locale.ROOT, "page read through the repository with %s: %.1f ms%n", name,
						(System.nanoTime() - t) / 1e6));
			}
			assertThat(read.get("RoiProgramPageSql")).as("the program's page with " + rates)
				.isEqualTo(read.get("RoiPageSqlKept"))
				.isEqualTo(read.get("RoiReinvestSqlBefore"));
		}
	}

	/**
	 * What keeping the momentum costs the scoring run's write of a week: the latest
	 * week's behaviour scores of every partner deleted and inserted again (as the run
	 * replaces its week: one delete, one statement of rows), with the kept momentum's
	 * triggers and without (disabled in this transaction), and the kept momentum rebuilt.
	 */
	private void writes(StringBuilder out, LocalDate week) {
		for (var on : List.of(true, false, true)) {
			for (var t : List.of("insert", "update", "delete", "truncate")) {
				this.jdbc
					.sql("ALTER TABLE partner_score_week " + (on ? "ENABLE" : "DISABLE") + " TRIGGER roi_momentum_" + t)
					.update();
			}
			this.jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS bench_week AS SELECT * FROM partner_score_week WHERE false")
				.update();
			this.jdbc.sql("TRUNCATE bench_week").update();
			this.jdbc.sql("INSERT INTO bench_week SELECT * FROM partner_score_week WHERE week_start = :week")
				.param("week", Date.valueOf(week))
				.update();
			long t = System.nanoTime();
			int deleted = this.jdbc.sql("DELETE FROM partner_score_week WHERE week_start = :week")
				.param("week", Date.valueOf(week))
				.update();
			double deleteMs = (System.nanoTime() - t) / 1e6;
			t = System.nanoTime();
			this.jdbc.sql("INSERT INTO partner_score_week SELECT * FROM bench_week").update();
			out.append(String.format(Locale.ROOT,
					"replace the latest week (%d rows), kept momentum triggers %s: delete %.0f ms, insert %.0f ms%n",
					deleted, on ? "on" : "off", deleteMs, (System.nanoTime() - t) / 1e6));
		}
		long t = System.nanoTime();
		this.jdbc.sql("SELECT roi_momentum_rebuild()").query().listOfRows();
		out.append(String.format(Locale.ROOT, "roi_momentum_rebuild(): %.0f ms%n", (System.nanoTime() - t) / 1e6));
		this.jdbc.sql("ANALYZE roi_momentum_week").update();
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

}
