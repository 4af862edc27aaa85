package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.DailyFigures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Cohorts page (issue 15, co41) on the test database grown to the large data's number
 * of cohorts: {@code trellis.bench.cohorts} more cohorts made by hand (default 1,550,
 * besides the demo's), {@code trellis.bench.cohort-partners} more partners (default
 * 37,500) in them since 20 weeks ago, each placed on the journey and given a readiness
 * score in every placed week (13). The daily figure sets are stored again (timed), then
 * the admin's and the largest book's PAM's {@code /cohorts} are requested signed in over
 * HTTP, one request at a time, 3 unmeasured then {@code trellis.bench.cohort-requests}
 * (default 15) each: per request the wall time (the whole HTML received) and the time
 * spent in the JDBC driver's execute calls (each statement sent, run by the server and
 * every row received; {@link SqlTime}), with the statements by that time. The data is
 * committed to the context's own copy of the database, which is dropped when the run
 * ends. Writes {@code target/benchmark-cohort-page.txt}.
 */
@Tag("benchmark")
@TrellisTest
@Import(CohortPageBenchmark.Timing.class)
class CohortPageBenchmark {

	@TestConfiguration
	static class Timing {

		@Bean
		static SqlTime sqlTime() {
			return new SqlTime();
		}

	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<DailyFigures> figures;

	@Autowired
	java.time.Clock clock;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@LocalServerPort
	int port;

	@Test
	void theCohortsPageWithFifteenHundredCohorts() throws Exception {
		var out = new StringBuilder();
		long started = System.nanoTime();
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult(status -> grow(Integer.getInteger("trellis.bench.cohorts", 1550),
					Integer.getInteger("trellis.bench.cohort-partners", 37_500)));
		out.append(String.format(Locale.ROOT, "grown in %.1f s: %s%n", seconds(started), this.jdbc.sql("""
				SELECT (SELECT count(*) FROM cohort WHERE retired_at IS NULL) || ' cohorts, '
				       || (SELECT count(*) FROM cohort_membership WHERE valid_to IS NULL) || ' current memberships, '
				       || (SELECT count(DISTINCT week_start) FROM journey_placement) || ' weeks placed, '
				       || (SELECT count(*) FROM partner) || ' partners'
				""").query(String.class).single()));
		this.jdbc.sql("DELETE FROM stored_page_figures WHERE name LIKE 'cohorts.%'").update();
		started = System.nanoTime();
		this.figures.forEach(DailyFigures::storeDaily);
		out.append(String.format(Locale.ROOT, "daily figure sets stored in %.1f s%n", seconds(started)));
		this.jdbc.sql("""
				SELECT name || ' scope ' || scope || ': ' || pg_column_size(body) || ' bytes stored, '
				       || octet_length(CAST(body AS TEXT)) || ' bytes of JSON'
				FROM stored_page_figures WHERE name LIKE 'cohorts.%' AND scope = 0 ORDER BY name
				""").query(String.class).list().forEach(line -> out.append(line).append('\n'));
		for (var table : List.of("cohort_metric_week_kept", "cohort_journey_week_kept")) {
			if (this.jdbc.sql("SELECT to_regclass(:t) IS NOT NULL").param("t", table).query(Boolean.class).single()) {
				out.append(this.jdbc
					.sql("SELECT '" + table + ": ' || count(*) || ' rows, '"
							+ " || pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)
					.query(String.class)
					.single()).append('\n');
			}
		}
		int times = Integer.getInteger("trellis.bench.cohort-requests", 15);
		for (var role : List.of("ADMIN", "PAM")) {
			out.append(measure(role, "/cohorts", times));
		}
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n",
				Files.readString(Path.of("/proc/loadavg")).strip()));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-cohort-page.txt"), out);
		System.out.println(out);
	}

	private String measure(String role, String page, int times) throws Exception {
		var request = new PageTour(this.port, this.jdbc, 1, 1).request(role, page);
		for (int i = 0; i < 3; i++) {
			request.run();
		}
		var walls = new ArrayList<Double>();
		var sqls = new ArrayList<Double>();
		long statements = SqlTime.statements.get();
		var before = SqlTime.snapshot();
		for (int i = 0; i < times; i++) {
			long sql = SqlTime.nanos.get();
			long started = System.nanoTime();
			request.run();
			walls.add((System.nanoTime() - started) / 1e6);
			sqls.add((SqlTime.nanos.get() - sql) / 1e6);
		}
		var out = new StringBuilder(String.format(Locale.ROOT,
				"%s %s, %d requests: wall p50 %.1f ms, p95 %.1f ms; SQL (driver execute) p50 %.1f ms, p95 %.1f ms;"
						+ " %.1f statements a request%n",
				role, page, times, percentile(walls, 0.5), percentile(walls, 0.95), percentile(sqls, 0.5),
				percentile(sqls, 0.95), (SqlTime.statements.get() - statements) / (double) times));
		SqlTime.snapshot()
			.entrySet()
			.stream()
			.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
			.filter(e -> e.getValue() > 0)
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.limit(8)
			.forEach(e -> out.append(String.format(Locale.ROOT, "    %8.2f ms a request  %s%n",
					e.getValue() / 1e6 / times, e.getKey())));
		return out.toString();
	}

	/**
	 * Cohorts by hand with partners of their own (the demo's PAMs in turn), members since
	 * 20 weeks ago, a few of whom left 5 weeks ago; every new partner placed in each
	 * placed week (stages varying week to week, so some move) and scored for readiness.
	 */
	private void grow(int cohorts, int partners) {
		var since = java.sql.Timestamp.from(this.clock.instant().minus(java.time.Duration.ofDays(140)));
		var left = java.sql.Timestamp.from(this.clock.instant().minus(java.time.Duration.ofDays(35)));
		var pams = this.jdbc.sql("SELECT DISTINCT owner_pam_id FROM partner ORDER BY 1").query(Long.class).list();
		this.jdbc.sql("SELECT setseed(0.41)").query().listOfRows();
		this.jdbc.sql("""
				CREATE TEMP TABLE bench_cohort ON COMMIT DROP AS
				WITH made AS (
				  INSERT INTO cohort (name, kind, basis, created_at)
				  SELECT 'Bench cohort ' || lpad(CAST(g AS TEXT), 5, '0'), 'MANUAL', 'bench', :since
				  FROM generate_series(1, :n) g RETURNING id)
				SELECT id, row_number() OVER (ORDER BY id) AS g FROM made
				""").param("n", cohorts).param("since", since).update();
		this.jdbc
			.sql("""
					CREATE TEMP TABLE bench_partner ON COMMIT DROP AS
					WITH made AS (
					  INSERT INTO partner (name, type, region, onboarded_on, owner_pam_id, lifecycle_status, tier, created_at,
					                       updated_at)
					  SELECT 'Bench cohort partner ' || g, 'SI', 'EMEA', DATE '2025-01-01',
					         (CAST(:pams AS BIGINT[]))[1 + g % cardinality(CAST(:pams AS BIGINT[]))], 'ACTIVE',
					         'TIER_3_BASELINE', TIMESTAMPTZ '2024-06-01 00:00:00Z', now()
					  FROM generate_series(1, :n) g RETURNING id)
					SELECT id, row_number() OVER (ORDER BY id) AS g FROM made
					""")
			.param("pams", pams.toArray(Long[]::new))
			.param("n", partners)
			.update();
		// most cohorts of about 20 partners, the first 200 of more
		this.jdbc
			.sql("""
					INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
					SELECT c.id, p.id, :since, CASE WHEN p.g % 23 = 0 THEN CAST(:left AS TIMESTAMPTZ) END, 'bench'
					FROM bench_partner p
					JOIN bench_cohort c ON c.g = CASE WHEN p.g <= :n * 20 THEN 1 + p.g % :n ELSE 1 + p.g % least(:n, 200) END
					""")
			.param("n", cohorts)
			.param("since", since)
			.param("left", left)
			.update();
		this.jdbc.sql("""
				INSERT INTO journey_placement (partner_id, week_start, fiscal_week, stage, reason, cohort_id)
				SELECT p.id, w.week_start, w.fiscal_week,
				       (ARRAY['AWARENESS', 'ACTIVATION', 'ACCELERATION'])[1 + (p.g + w.n * (p.g % 3)) % 3], 'bench', 0
				FROM bench_partner p
				CROSS JOIN (SELECT week_start, fiscal_week, row_number() OVER (ORDER BY week_start) AS n
				            FROM (SELECT DISTINCT week_start, fiscal_week FROM journey_placement) d) w
				""").update();
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				SELECT p.id, w.week_start, w.fiscal_week, w.week_start, 'READINESS',
				       round(CAST(random() * 100 AS NUMERIC), 1), now()
				FROM bench_partner p
				CROSS JOIN (SELECT DISTINCT week_start, fiscal_week FROM journey_placement) w
				ON CONFLICT DO NOTHING
				""").update();
		this.jdbc.sql("ANALYZE").update();
	}

	private static double percentile(List<Double> values, double p) {
		var sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
