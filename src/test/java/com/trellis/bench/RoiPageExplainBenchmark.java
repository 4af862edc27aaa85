package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Locale;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.roi.ProgramSpend;
import com.trellis.roi.Roi;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Diagnosis, not a figure: {@code EXPLAIN (ANALYZE, BUFFERS)} of the ROI page's statement
 * ({@code roi.RoiPageSql.PAGE}: totals, listed partners, reinvest list in one; the
 * program's {@code roi.RoiProgramPageSql.PAGE} where there is one) and of a trend
 * quarter's total ({@code roi.RoiQuarterSql.TOTAL}, the previous quarter's here), each
 * with the text the page sends for its scope ({@code RoiPageSql.forScope}), for the
 * program and for the PAM with the largest book, this quarter; then where the page's
 * reads spend their time one request at a time ({@link RequestProfile}: the ROI service
 * calls the page makes, for the admin and that PAM). Writes
 * {@code target/benchmark-roi-explain.txt}.
 */
@Tag("benchmark")
@SpringBootTest
class RoiPageExplainBenchmark {

	private static final BenchSettings settings = BenchSettings.fromSystemProperties();

	@DynamicPropertySource
	static void benchmarkDatabase(DynamicPropertyRegistry registry) {
		settings.registerDemoDatabase(registry);
		registry.add("trellis.forecast.snapshot-cron", () -> "-");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Roi roi;

	@Autowired
	ProgramSpend spend;

	@Autowired
	Partners partners;

	/**
	 * The program's trend statement ({@code roi.RoiTrendSql}: the three quarters before
	 * this one) as it read before V200 (every partner's kept quarter row) and as it reads
	 * now (the kept sums per quarter).
	 */
	private String explainTrend(java.lang.reflect.Constructor<?> scopeOf, java.lang.reflect.Method forScope,
			java.time.Instant now) throws Exception {
		var trend = Class.forName("com.trellis.roi.RoiTrendSql").getDeclaredMethod("totals", int.class, boolean.class);
		trend.setAccessible(true);
		var out = new StringBuilder();
		for (boolean program : new boolean[] { false, true }) {
			var text = (String) forScope.invoke(null, trend.invoke(null, 3, program),
					scopeOf.newInstance(null, null, null));
			var statement = this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + text)
				.param("scopePartner", null)
				.param("pam", null)
				.param("onePartner", null);
			var quarter = this.calendar.currentQuarter();
			for (int i = 2; i >= 0; i--) {
				quarter = quarter.previous();
				var end = this.calendar.end(quarter);
				statement = statement.param("fromDay" + i, Date.valueOf(quarter.start()))
					.param("toDay" + i, Date.valueOf(quarter.end()))
					.param("from" + i, Timestamp.from(this.calendar.start(quarter)))
					.param("to" + i, Timestamp.from(end))
					.param("tierDay" + i, Date.valueOf(quarter.end().minusDays(1)))
					.param("until" + i, Timestamp.from(end.isAfter(now) ? now : end));
			}
			long started = System.nanoTime();
			var plan = statement.query(String.class).list();
			out.append("### TREND program, ")
				.append(program ? "kept sums per quarter (V200)" : "every partner's quarter row (before V200)")
				.append(String.format(Locale.ROOT, " (%.1f ms)%n", (System.nanoTime() - started) / 1e6));
			plan.forEach(line -> out.append("    ").append(line).append('\n'));
		}
		return out.toString();
	}

	/**
	 * The program's page statement (roi28: {@code RoiProgramPageSql}) where there is one.
	 */
	private static Class<?> program(Class<?> page) {
		try {
			return Class.forName("com.trellis.roi.RoiProgramPageSql");
		}
		catch (ClassNotFoundException before) {
			return page;
		}
	}

	@Test
	void explainTheRoiPageStatements() throws Exception {
		var page = Class.forName("com.trellis.roi.RoiPageSql");
		var quarterSql = Class.forName("com.trellis.roi.RoiQuarterSql");
		var scopeType = Class.forName("com.trellis.roi.RoiScope");
		var scopeOf = scopeType.getDeclaredConstructor(Long.class, Long.class, Long.class);
		scopeOf.setAccessible(true);
		var forScope = page.getDeclaredMethod("forScope", String.class, scopeType);
		forScope.setAccessible(true);
		var out = new StringBuilder();
		Long pam = this.jdbc
			.sql("SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL "
					+ "GROUP BY owner_pam_id ORDER BY count(*) DESC LIMIT 1")
			.query(Long.class)
			.single();
		var now = java.time.Instant.now();
		boolean explain = !Boolean.getBoolean("trellis.bench.roi-profile-only");
		for (Long scope : explain ? new Long[] { null, pam } : new Long[0]) {
			for (var name : new String[] { "PAGE", "TOTAL" }) {
				var quarter = "PAGE".equals(name) ? this.calendar.currentQuarter()
						: this.calendar.currentQuarter().previous();
				var field = ("PAGE".equals(name) ? scope == null ? program(page) : page : quarterSql)
					.getDeclaredField(name);
				field.setAccessible(true);
				var text = (String) forScope.invoke(null, field.get(null), scopeOf.newInstance(null, scope, null));
				var end = this.calendar.end(quarter);
				var until = end.isAfter(now) ? now : end;
				var lastDay = quarter.end().isAfter(this.calendar.today()) ? this.calendar.today()
						: quarter.end().minusDays(1);
				long started = System.nanoTime();
				var plan = this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + text)
					.param("tierDay", Date.valueOf(lastDay))
					.param("until", Timestamp.from(until))
					.param("scopePartner", null)
					.param("pam", scope)
					.param("onePartner", null)
					.param("fromDay", Date.valueOf(quarter.start()))
					.param("toDay", Date.valueOf(quarter.end()))
					.param("from", Timestamp.from(this.calendar.start(quarter)))
					.param("to", Timestamp.from(end))
					.param("at", Timestamp.from(until))
					.param("listed", 200)
					.param("asOf", Date.valueOf(lastDay))
					.param("days", 56)
					.param("building", new java.math.BigDecimal("5"))
					.param("stalling", new java.math.BigDecimal("-5"))
					.param("reinvested", 20)
					.query(String.class)
					.list();
				out.append("### ")
					.append(name)
					.append(scope == null ? " program " : " PAM " + scope + " ")
					.append(quarter.label())
					.append(String.format(Locale.ROOT, " (%.1f ms)%n", (System.nanoTime() - started) / 1e6));
				plan.forEach(line -> out.append("    ").append(line).append('\n'));
			}
		}
		if (explain) {
			out.append(explainTrend(scopeOf, forScope, now));
		}
		var log = settings.dataDir().toAbsolutePath().resolveSibling(settings.dataDir().getFileName() + ".log");
		long admin = this.jdbc.sql("SELECT min(id) FROM app_user WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
		for (var viewer : new Viewer[] { new Viewer(admin, "benchmark", Role.ADMIN, null),
				new Viewer(pam, "benchmark", Role.PAM, null) }) {
			Runnable request = () -> {
				var figures = this.roi.page(viewer, null, new PageRequest(0, 25));
				this.roi.rates(viewer);
				this.roi.pullThrough(viewer, figures.report().quarter());
				this.spend.list(viewer, figures.report().quarter(), new com.trellis.shared.PageRequest(0, 25));
				if (viewer.role() == Role.ADMIN) {
					this.partners.search(viewer, PartnerFilter.none(), new PageRequest(0, 200));
				}
			};
			request.run();
			out.append(RequestProfile.of(viewer.role() + " " + viewer.userId() + " /roi's reads",
					Integer.getInteger("trellis.bench.profile-requests", 3), request, this.jdbc,
					Files.exists(log) ? log : null));
		}
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n",
				Files.readString(Path.of("/proc/loadavg")).strip()));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-roi-explain.txt"), out);
		System.out.println(out);
	}

}
