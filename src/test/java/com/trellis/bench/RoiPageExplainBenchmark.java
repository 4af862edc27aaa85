package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;

import com.trellis.shared.BusinessCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Diagnosis, not a figure: {@code EXPLAIN (ANALYZE, BUFFERS)} of the ROI page's statement
 * ({@code roi.RoiPageSql.PAGE}: totals, listed partners, reinvest list in one) and of a
 * trend quarter's total ({@code roi.RoiQuarterSql.TOTAL}, this quarter's here) for the
 * program and for the PAM with the largest book, this quarter. Writes
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

	@Test
	void explainTheRoiPageStatements() throws Exception {
		var page = Class.forName("com.trellis.roi.RoiPageSql");
		var quarterSql = Class.forName("com.trellis.roi.RoiQuarterSql");
		var out = new StringBuilder();
		Long pam = this.jdbc
			.sql("SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL "
					+ "GROUP BY owner_pam_id ORDER BY count(*) DESC LIMIT 1")
			.query(Long.class)
			.single();
		var quarter = this.calendar.currentQuarter();
		var now = java.time.Instant.now();
		for (Long scope : new Long[] { null, pam }) {
			for (var name : new String[] { "PAGE", "TOTAL" }) {
				var field = ("PAGE".equals(name) ? page : quarterSql).getDeclaredField(name);
				field.setAccessible(true);
				var text = (String) field.get(null);
				long started = System.nanoTime();
				var plan = this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + text)
					.param("tierDay", Date.valueOf(this.calendar.today()))
					.param("until", Timestamp.from(now))
					.param("scopePartner", null)
					.param("pam", scope)
					.param("onePartner", null)
					.param("fromDay", Date.valueOf(quarter.start()))
					.param("toDay", Date.valueOf(quarter.end()))
					.param("from", Timestamp.from(this.calendar.start(quarter)))
					.param("to", Timestamp.from(this.calendar.end(quarter)))
					.param("at", Timestamp.from(now))
					.param("listed", 200)
					.param("asOf", Date.valueOf(this.calendar.today()))
					.param("days", 56)
					.param("building", new java.math.BigDecimal("5"))
					.param("stalling", new java.math.BigDecimal("-5"))
					.param("reinvested", 20)
					.query(String.class)
					.list();
				out.append("### ")
					.append(name)
					.append(scope == null ? " program" : " PAM " + scope)
					.append(String.format(" (%.1f ms)%n", (System.nanoTime() - started) / 1e6));
				plan.forEach(line -> out.append("    ").append(line).append('\n'));
			}
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-roi-explain.txt"), out);
		System.out.println(out);
	}

}
