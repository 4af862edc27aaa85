package com.trellis.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

import com.trellis.shared.PageRequest;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the kept score lines (V274): after each step of a
 * random sequence of writes to {@code partner_score_week} (weeks replaced by
 * {@link ScoreStore#replaceWeek}, i.e. a delete and a COPY; plain inserts, inserts that
 * skip or update on conflict; updates of scores, of nothing the lines show, of a pillar
 * and of a week; deletes of a pillar, of a partner's week and of a whole week; a
 * TRUNCATE) {@code partner_score_line} equals a recomputation from
 * {@code partner_score_week}, and every few steps {@link ScoreStore#current} gives the
 * lines and totals of the statement it replaced ({@link ScoreLinesSqlBefore}) for every
 * sort, the program, a PAM's book and a list with unknown ids, several pages and weeks
 * (the latest stored on or before it, one in between, one before any). Scores in steps of
 * ten tie; some are unknown, some partners lack a pillar. Everything runs in one
 * transaction that is rolled back.
 */
@TrellisTest
class ScoreLinesKeptPropertyTests {

	private static final long SEED = 20261203L;

	/** Weeks no other test stores (a Monday each but one, a day off). */
	private static final List<LocalDate> WEEKS = List.of(LocalDate.of(2019, 3, 4), LocalDate.of(2019, 3, 11),
			LocalDate.of(2019, 3, 19), LocalDate.of(2019, 3, 25), LocalDate.of(2019, 4, 1));

	private static final List<String> SORTS = List.of("readiness", "behaviour", "trust", "", "unknown");

	private static final List<PageRequest> PAGES = List.of(new PageRequest(0, 50), new PageRequest(1, 7),
			new PageRequest(0, PageRequest.MAX_SIZE), new PageRequest(2, 25), new PageRequest(0, 1));

	@Autowired
	ScoreStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private final Random random = new Random(SEED);

	@Test
	void keptLinesEqualARecomputationAndTheBookReadsTheLinesOfTheStatementBefore() {
		var transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			run();
		});
	}

	private void run() {
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 40").query(Long.class).list();
		var pam = this.jdbc.sql("""
				SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL
				GROUP BY owner_pam_id ORDER BY count(*) DESC, owner_pam_id LIMIT 1
				""").query(Long.class).single();
		var book = this.jdbc.sql("SELECT id FROM partner WHERE owner_pam_id = :pam ORDER BY id")
			.param("pam", pam)
			.query(Long.class)
			.list();
		var odd = new ArrayList<>(partners.subList(0, 5));
		odd.add(-1L);
		odd.add(partners.get(0));
		assertKeptAsRecomputed("before any write");
		int compared = 0;
		for (int step = 0; step < 60; step++) {
			var what = write(partners);
			assertKeptAsRecomputed("step " + step + ": " + what);
			if (step % 10 == 9) {
				compared += assertCurrentAsBefore(what, List.of(book, odd));
			}
		}
		this.jdbc.sql("TRUNCATE partner_score_week").update();
		assertKeptAsRecomputed("after a TRUNCATE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_score_line").query(Long.class).single()).isZero();
		write(partners);
		assertKeptAsRecomputed("after a TRUNCATE and a write");
		assertThat(compared).as("lines compared with the statement before").isGreaterThan(1000);
	}

	/** One random write; returns what it did. */
	private String write(List<Long> partners) {
		var week = WEEKS.get(this.random.nextInt(WEEKS.size()));
		var some = some(partners);
		switch (this.random.nextInt(11)) {
			case 0, 1 -> {
				var scores = new HashMap<Long, List<Score>>();
				for (long partner : some) {
					var list = new ArrayList<Score>();
					for (var pillar : Pillar.values()) {
						if (this.random.nextInt(8) != 0) {
							var value = score();
							list.add(new Score(pillar, value, value == null ? "not enough data" : null, List.of()));
						}
					}
					scores.put(partner, list);
				}
				this.store.replaceWeek(week, label(week), week.plusDays(6), scores,
						Instant.parse("2019-04-08T05:40:00Z"));
				return "replaced " + week + " for " + some.size();
			}
			case 2 -> {
				insert(week, some, "ON CONFLICT DO NOTHING");
				return "inserted into " + week + ", skipping conflicts";
			}
			case 3 -> {
				insert(week, some, """
						ON CONFLICT (partner_id, week_start, pillar) DO UPDATE
						SET score = EXCLUDED.score, unknown_reason = EXCLUDED.unknown_reason""");
				return "inserted into " + week + ", updating conflicts";
			}
			case 4 -> {
				var value = score();
				this.jdbc.sql("""
						UPDATE partner_score_week SET score = :score, unknown_reason = :reason
						WHERE week_start = :week AND partner_id = ANY (:partners) AND pillar = :pillar
						""")
					.param("score", value)
					.param("reason", value == null ? "not enough data" : null)
					.param("week", Date.valueOf(week))
					.param("partners", some.toArray(Long[]::new))
					.param("pillar", pillar().name())
					.update();
				return "updated scores of " + week;
			}
			case 5 -> {
				this.jdbc.sql("UPDATE partner_score_week SET basis_reason = 'moved' WHERE week_start = :week")
					.param("week", Date.valueOf(week))
					.update();
				return "updated what lines do not show in " + week;
			}
			case 6 -> {
				var to = pillar().name();
				this.jdbc.sql("""
						UPDATE partner_score_week s SET pillar = :to
						WHERE s.week_start = :week AND s.partner_id = ANY (:partners) AND s.pillar = :from
						  AND NOT EXISTS (SELECT 1 FROM partner_score_week t WHERE t.partner_id = s.partner_id
						                  AND t.week_start = s.week_start AND t.pillar = :to)
						""")
					.param("to", to)
					.param("from", pillar().name())
					.param("week", Date.valueOf(week))
					.param("partners", some.toArray(Long[]::new))
					.update();
				return "moved a pillar's rows to " + to + " in " + week;
			}
			case 7 -> {
				var to = WEEKS.get(this.random.nextInt(WEEKS.size()));
				this.jdbc.sql("""
						UPDATE partner_score_week s SET week_start = :to, fiscal_week = :label
						WHERE s.week_start = :week AND s.partner_id = ANY (:partners)
						  AND NOT EXISTS (SELECT 1 FROM partner_score_week t WHERE t.partner_id = s.partner_id
						                  AND t.week_start = :to)
						""")
					.param("to", Date.valueOf(to))
					.param("label", label(to))
					.param("week", Date.valueOf(week))
					.param("partners", some.toArray(Long[]::new))
					.update();
				return "moved partners' rows of " + week + " to " + to;
			}
			case 8 -> {
				this.jdbc.sql("""
						DELETE FROM partner_score_week WHERE week_start = :week AND partner_id = ANY (:partners)
						  AND pillar = :pillar
						""")
					.param("week", Date.valueOf(week))
					.param("partners", some.toArray(Long[]::new))
					.param("pillar", pillar().name())
					.update();
				return "deleted a pillar of " + week;
			}
			case 9 -> {
				this.jdbc
					.sql("DELETE FROM partner_score_week WHERE week_start = :week AND partner_id = ANY (:partners)")
					.param("week", Date.valueOf(week))
					.param("partners", some.toArray(Long[]::new))
					.update();
				return "deleted partners' weeks of " + week;
			}
			default -> {
				if (this.random.nextInt(3) == 0) {
					this.jdbc.sql("DELETE FROM partner_score_week WHERE week_start = :week")
						.param("week", Date.valueOf(week))
						.update();
					return "deleted " + week;
				}
				for (long partner : some.subList(0, Math.min(3, some.size()))) {
					insert(week, List.of(partner), "ON CONFLICT DO NOTHING");
				}
				return "inserted one partner at a time into " + week;
			}
		}
	}

	/** Rows of some partners in a week, each pillar with a chance, in one statement. */
	private void insert(LocalDate week, List<Long> partners, String onConflict) {
		var ids = new ArrayList<Long>();
		var pillars = new ArrayList<String>();
		var scores = new ArrayList<BigDecimal>();
		for (long partner : partners) {
			for (var pillar : Pillar.values()) {
				if (this.random.nextInt(3) != 0) {
					ids.add(partner);
					pillars.add(pillar.name());
					scores.add(score());
				}
			}
		}
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score,
				                                unknown_reason, computed_at)
				SELECT r.partner_id, :week, :label, :week, r.pillar, r.score,
				       CASE WHEN r.score IS NULL THEN 'not enough data' END, TIMESTAMPTZ '2019-04-08 05:40+00'
				FROM unnest(CAST(:ids AS BIGINT[]), CAST(:pillars AS TEXT[]), CAST(:scores AS NUMERIC[]))
				     AS r (partner_id, pillar, score)
				""" + onConflict)
			.param("week", Date.valueOf(week))
			.param("label", label(week))
			.param("ids", ids.toArray(Long[]::new))
			.param("pillars", pillars.toArray(String[]::new))
			.param("scores", scores.toArray(BigDecimal[]::new))
			.update();
	}

	private void assertKeptAsRecomputed(String after) {
		var recomputed = """
				SELECT week_start, partner_id, min(fiscal_week) AS fiscal_week,
				       max(score) FILTER (WHERE pillar = 'READINESS') AS readiness,
				       max(score) FILTER (WHERE pillar = 'BEHAVIOUR') AS behaviour,
				       max(score) FILTER (WHERE pillar = 'TRUST') AS trust
				FROM partner_score_week GROUP BY week_start, partner_id
				""";
		var kept = "SELECT week_start, partner_id, fiscal_week, readiness, behaviour, trust FROM partner_score_line";
		assertThat(rows("(" + recomputed + ") EXCEPT (" + kept + ")")).as("lines missing or wrong " + after).isEmpty();
		assertThat(rows("(" + kept + ") EXCEPT (" + recomputed + ")")).as("lines extra or wrong " + after).isEmpty();
	}

	private List<String> rows(String sql) {
		return this.jdbc.sql("SELECT x::text FROM (" + sql + ") x LIMIT 5").query(String.class).list();
	}

	/** Compares every read; returns how many lines were compared. */
	private int assertCurrentAsBefore(String after, List<List<Long>> scopes) {
		var latest = this.jdbc.sql("SELECT max(week_start) FROM partner_score_week WHERE week_start < '2020-01-01'")
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(WEEKS.get(0));
		var weeks = List.of(latest.plusDays(3), WEEKS.get(2), WEEKS.get(0).minusDays(1), LocalDate.of(2100, 1, 1));
		var all = new ArrayList<List<Long>>();
		all.add(null);
		all.addAll(scopes);
		int lines = 0;
		for (var week : weeks) {
			for (var scope : all) {
				for (var sort : SORTS) {
					for (var page : PAGES) {
						var now = this.store.current(scope, sort, page, week);
						var before = ScoreLinesSqlBefore.current(this.jdbc, scope, sort, page, week);
						assertThat(now)
							.as("%s: week %s, scope %s, sort '%s', page %s", after, week,
									scope == null ? "program" : scope.size() + " partners", sort, page)
							.isEqualTo(before);
						lines += now.lines().size();
					}
				}
			}
		}
		return lines;
	}

	private List<Long> some(List<Long> partners) {
		var some = new ArrayList<Long>();
		int chance = 1 + this.random.nextInt(4);
		for (long partner : partners) {
			if (this.random.nextInt(chance) == 0) {
				some.add(partner);
			}
		}
		return some;
	}

	/** A score in steps of ten (ties), or unknown. */
	private BigDecimal score() {
		return this.random.nextInt(6) == 0 ? null : new BigDecimal(10 * this.random.nextInt(11) + ".0");
	}

	private Pillar pillar() {
		return Pillar.values()[this.random.nextInt(Pillar.values().length)];
	}

	private static String label(LocalDate week) {
		return "FY19 " + week;
	}

}
