package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.scoring.PartnerIntelligence;
import com.trellis.shared.DailyFigures;
import com.trellis.shared.PageFigureStore;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The book of scores ({@code GET /scores}) timed on the test database grown by
 * {@code trellis.bench.scores-partners} partners (default 40,000), each with its three
 * scores in the latest stored week (readiness and behaviour close together, so the
 * high-potential list is thousands long), a behaviour drift alert in force (every fourth
 * partner a trust one as well) and an earlier alert of the other state that is no longer
 * in force; the high-potential list stored by its daily job. The grown partners belong to
 * PAMs of 2,000 partners each. An admin and one of those PAMs, each signed in, fetch the
 * page through MockMvc (server time and rendering, no network): 2 requests to warm up,
 * then {@code trellis.bench.scores-requests} (default 10) one at a time. Writes
 * {@code target/benchmark-scores-page.txt}. The grown rows stay (the test database is
 * thrown away after the run).
 */
@Tag("benchmark")
@TrellisTest
class ScoresPageBenchmark {

	private static final int BOOK = 2_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PageFigureStore figures;

	@Autowired
	ApplicationContext context;

	@Test
	void timeTheBookOfScoresWithEveryPartnerDrifting() throws Exception {
		var out = new StringBuilder();
		int partners = Integer.getInteger("trellis.bench.scores-partners", 40_000);
		int requests = Integer.getInteger("trellis.bench.scores-requests", 10);
		long started = System.nanoTime();
		var pam = grow(partners);
		storeHighPotential();
		out.append(String.format(Locale.ROOT, "grown by %d partners in %.1f s; %s%n", partners,
				(System.nanoTime() - started) / 1e9, this.jdbc.sql("""
						SELECT 'partners ' || (SELECT count(*) FROM partner) || ', alerts '
						       || (SELECT count(*) FROM score_drift_alert) || ', alerts in force '
						       || (SELECT count(*) FROM score_drift d WHERE d.state IN ('BUILDING', 'STALLING')
						           AND EXISTS (SELECT 1 FROM score_drift_alert a WHERE a.partner_id = d.partner_id
						                       AND a.pillar = d.pillar AND a.state = d.state))
						""").query(String.class).single()));
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var admin = this.fixtures.user(Role.ADMIN);
		time(out, "ADMIN /scores", readers.signIn(admin), requests);
		time(out, "PAM /scores (a book of " + BOOK + ")", readers.signIn(pam), requests);
		explain(out, pam);
		out.append(String.format(Locale.ROOT, "load average at the end: %s%n",
				Files.readString(Path.of("/proc/loadavg")).strip()));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "benchmark-scores-page.txt"), out);
		System.out.println(out);
	}

	private void time(StringBuilder out, String what, MockHttpSession session, int requests) throws Exception {
		String body = "";
		for (int i = 0; i < 2; i++) {
			body = this.mvc.perform(get("/scores").session(session)).andReturn().getResponse().getContentAsString();
		}
		var millis = new ArrayList<Double>();
		for (int i = 0; i < requests; i++) {
			long t = System.nanoTime();
			var response = this.mvc.perform(get("/scores").session(session)).andReturn().getResponse();
			millis.add((System.nanoTime() - t) / 1e6);
			if (response.getStatus() != 200) {
				throw new IllegalStateException(what + " answered " + response.getStatus());
			}
			body = response.getContentAsString();
		}
		Collections.sort(millis);
		int rows = body.split("/scorecard\"", -1).length - 1;
		out.append(String.format(Locale.ROOT,
				"%-34s n=%d  min %8.1f  p50 %8.1f  p95 %8.1f  max %8.1f ms; %,d bytes, %,d partner links%n", what,
				requests, millis.get(0), millis.get(millis.size() / 2),
				millis.get((int) Math.ceil(0.95 * millis.size()) - 1), millis.get(millis.size() - 1), body.length(),
				rows));
		java.util.regex.Pattern.compile("id=\"(?:high-potential|drifting)-shown\"[^>]*>([^<]+)<")
			.matcher(body)
			.results()
			.forEach(m -> out.append("    ").append(m.group(1)).append('\n'));
	}

	/**
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the lists' statements
	 * ({@code scoring.IntelligencePages}, when there) for the program and the PAM's book:
	 * the counts, the first page and one 1,000 pages in, with the values of the
	 * parameters written in.
	 */
	private void explain(StringBuilder out, Viewer pam) throws Exception {
		Class<?> pages;
		try {
			pages = Class.forName("com.trellis.scoring.IntelligencePages");
		}
		catch (ClassNotFoundException ex) {
			out.append("no IntelligencePages: nothing to explain\n");
			return;
		}
		var book = this.jdbc.sql("SELECT id FROM partner WHERE owner_pam_id = :pam ORDER BY id")
			.param("pam", pam.userId())
			.query(Long.class)
			.list()
			.stream()
			.map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(",", "'{", "}'"));
		var pageSql = pages.getDeclaredMethod("driftPageSql", String.class, PageRequest.class);
		pageSql.setAccessible(true);
		var statements = new java.util.LinkedHashMap<String, String>();
		for (var scope : List.of("PROGRAM", "BOOK")) {
			var from = (String) field(pages, scope + "_DRIFT");
			statements.put(scope + " drift count", "SELECT count(*) FROM " + from);
			for (int page : List.of(0, 1000)) {
				statements.put(scope + " drift page " + page,
						(String) pageSql.invoke(null, from, new PageRequest(page, 25)));
				statements.put(scope + " high-potential page " + page,
						((String) field(pages, scope + "_POTENTIAL_PAGE")).replace(":size", "25")
							.replace(":offset", String.valueOf(page * 25)));
			}
		}
		statements.forEach((name, sql) -> {
			var plan = String.join("\n",
					this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql.replace(":partners", book))
						.query(String.class)
						.list());
			var time = plan.lines().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
			out.append(String.format(Locale.ROOT, "## %s: %s%n%s%n", name, time, plan));
		});
	}

	private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
		var field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field.get(null);
	}

	/** Grows the program; returns the PAM of the first grown book. */
	private Viewer grow(int partners) {
		var pams = new ArrayList<Viewer>();
		for (int i = 0; i < Math.max(1, partners / BOOK); i++) {
			pams.add(this.fixtures.user(Role.PAM));
		}
		var week = this.jdbc.sql("SELECT max(week_start) FROM partner_score_week")
			.query(java.time.LocalDate.class)
			.single();
		var ids = this.jdbc.sql("""
				INSERT INTO partner (name, type, region, onboarded_on, owner_pam_id, lifecycle_status, tier,
				                     created_at, updated_at)
				SELECT 'Grown Partner ' || g, 'SI', 'EMEA', DATE '2024-01-01',
				       (CAST(:pams AS BIGINT[]))[1 + (g - 1) / :book], 'ACTIVE', 'TIER_2_EMERGING', now(), now()
				FROM generate_series(1, :n) g
				RETURNING id
				""")
			.param("pams", pams.stream().map(Viewer::userId).toArray(Long[]::new))
			.param("book", BOOK)
			.param("n", partners)
			.query(Long.class)
			.list();
		var idArray = ids.toArray(Long[]::new);
		this.jdbc
			.sql("""
					INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
					SELECT s.id, :week, 'FY-bench', :week, p.pillar,
					       CASE p.pillar WHEN 'READINESS' THEN s.r
					                     WHEN 'BEHAVIOUR' THEN LEAST(100, GREATEST(0, s.r + (abs(hashtext(s.id || 'b')) % 201 - 100) / 10.0))
					                     ELSE (abs(hashtext(s.id || 't')) % 1001) / 10.0 END, now()
					FROM (SELECT id, (abs(hashtext(id || 'r')) % 1001) / 10.0 AS r FROM unnest(CAST(:ids AS BIGINT[])) id) s
					CROSS JOIN (VALUES ('READINESS'), ('BEHAVIOUR'), ('TRUST')) p (pillar)
					""")
			.param("ids", idArray)
			.param("week", week)
			.update();
		this.jdbc.sql("""
				INSERT INTO score_drift (partner_id, pillar, state, slope, week_start, reason)
				SELECT id, pillar, CASE WHEN id % 2 = 0 THEN 'BUILDING' ELSE 'STALLING' END,
				       (150 + abs(hashtext(id || pillar)) % 451) / 100.0 * CASE WHEN id % 2 = 0 THEN 1 ELSE -1 END,
				       :week, 'drifting'
				FROM unnest(CAST(:ids AS BIGINT[])) id
				CROSS JOIN (VALUES ('BEHAVIOUR'), ('TRUST')) p (pillar)
				WHERE pillar = 'BEHAVIOUR' OR id % 4 = 0
				""").param("ids", idArray).param("week", week).update();
		this.jdbc.sql("""
				INSERT INTO score_drift_alert (partner_id, pillar, state, slope, week_start, reason, signals, raised_at)
				SELECT d.partner_id, d.pillar, d.state, d.slope, d.week_start,
				       'building: {signed:+' || abs(d.slope) || '} points a week over the last 8 weeks',
				       'partner–field interactions {signed:+12.0} points', now() - interval '1 hour'
				FROM score_drift d WHERE d.partner_id = ANY (CAST(:ids AS BIGINT[]))
				UNION ALL
				SELECT d.partner_id, d.pillar, CASE d.state WHEN 'BUILDING' THEN 'STALLING' ELSE 'BUILDING' END,
				       -d.slope, d.week_start - 21, 'earlier', 'earlier signals', now() - interval '21 days'
				FROM score_drift d WHERE d.partner_id = ANY (CAST(:ids AS BIGINT[]))
				""").param("ids", idArray).update();
		this.jdbc.sql("VACUUM ANALYZE").update();
		return pams.get(0);
	}

	/** The high-potential list as the daily job stores it. */
	private void storeHighPotential() {
		this.figures.clear(PartnerIntelligence.HIGH_POTENTIAL);
		var job = this.context.getBeansOfType(DailyFigures.class)
			.values()
			.stream()
			.filter(f -> f.getClass().getSimpleName().startsWith("HighPotentialFigures"))
			.findFirst()
			.orElseThrow();
		if (!job.storeDaily()) {
			throw new IllegalStateException("the high-potential list was not stored");
		}
	}

}
