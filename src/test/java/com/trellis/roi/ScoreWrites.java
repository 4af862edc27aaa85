package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random writes of weekly scores to {@code partner_score_week} for the property tests of
 * what is kept from them ({@link RoiMomentumKeptPropertyTests}): each {@link #step} makes
 * one kind of write over the given partners and weeks and names it; every statement is
 * guarded so that it never fails (a failed statement would end the test's transaction).
 */
final class ScoreWrites {

	private static final String INSERT = """
			INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, unknown_reason,
			                                computed_at)
			VALUES (:partner, :week, 'FY-W', :week, :pillar, :score, :reason, now())
			""";

	private final JdbcClient jdbc;

	private final Random random;

	private final List<Long> partners;

	private final List<LocalDate> weeks;

	ScoreWrites(JdbcClient jdbc, Random random, List<Long> partners, List<LocalDate> weeks) {
		this.jdbc = jdbc;
		this.random = random;
		this.partners = partners;
		this.weeks = weeks;
	}

	/**
	 * One write of the kind (-1: the table emptied and filled again with COPY; 0 to 11:
	 * the others), rows streamed with COPY given to {@code copy} (partner, week, pillar,
	 * score); returns its name.
	 */
	String step(int kind, Consumer<List<Object[]>> copy) {
		long partner = partner();
		var week = week();
		switch (kind) {
			case -1 -> {
				this.jdbc.sql("TRUNCATE partner_score_week").update();
				var rows = new ArrayList<Object[]>();
				for (long p : this.partners) {
					for (var w : this.weeks) {
						if (this.random.nextInt(4) > 0) {
							rows.add(new Object[] { p, w, "BEHAVIOUR", score() });
							rows.add(new Object[] { p, w, "TRUST", score() });
						}
					}
				}
				copy.accept(rows);
				return "truncate";
			}
			case 0 -> {
				insert(partner, week, pillar(), score(), "DO NOTHING");
				return "insert one";
			}
			case 1, 11 -> {
				for (int i = 0; i < 2 + this.random.nextInt(12); i++) {
					insert(partner(), week(), pillar(), score(), "DO NOTHING");
				}
				// several rows in one statement
				this.jdbc.sql(INSERT.replace("VALUES (:partner, :week, 'FY-W', :week, :pillar, :score, :reason, now())",
						"SELECT p, :week, 'FY-W', :week, 'BEHAVIOUR', :score, NULL, now() FROM unnest(CAST(:ids AS BIGINT[])) p")
						+ " ON CONFLICT DO NOTHING")
					.param("week", Date.valueOf(week))
					.param("score", score())
					.param("ids", some().toArray(Long[]::new))
					.update();
				return "insert several";
			}
			case 2 -> {
				for (int i = 0; i < 1 + this.random.nextInt(6); i++) {
					insert(partner(), week(), "BEHAVIOUR", maybeUnknown(),
							"(partner_id, week_start, pillar) DO UPDATE SET score = EXCLUDED.score, "
									+ "unknown_reason = EXCLUDED.unknown_reason");
				}
				return "upsert";
			}
			case 3 -> {
				// as the scoring run replaces a week: one delete, the rows streamed in
				var ids = some();
				this.jdbc.sql("DELETE FROM partner_score_week WHERE week_start = :week AND partner_id = ANY(:ids)")
					.param("week", Date.valueOf(week))
					.param("ids", ids.toArray(Long[]::new))
					.update();
				var rows = new ArrayList<Object[]>();
				for (long p : ids) {
					for (var pillar : List.of("READINESS", "BEHAVIOUR", "TRUST")) {
						rows.add(new Object[] { p, week, pillar, maybeUnknown() });
					}
				}
				copy.accept(rows);
				return "copy a week";
			}
			case 4 -> {
				this.jdbc.sql("""
						UPDATE partner_score_week SET score = least(100, greatest(0, score + :delta))
						WHERE partner_id = :partner AND score IS NOT NULL AND (:all OR week_start = :week)
						""")
					.param("delta", new BigDecimal(this.random.nextInt(41) - 20))
					.param("partner", partner)
					.param("all", this.random.nextBoolean())
					.param("week", Date.valueOf(week))
					.update();
				return "update scores";
			}
			case 5 -> {
				var score = score();
				this.jdbc.sql("""
						UPDATE partner_score_week SET score = CASE WHEN score IS NULL THEN :score END,
						       unknown_reason = CASE WHEN score IS NULL THEN NULL ELSE 'not enough data' END
						WHERE partner_id = :partner AND week_start = :week AND pillar = 'BEHAVIOUR'
						""").param("score", score).param("partner", partner).param("week", Date.valueOf(week)).update();
				return "unknown";
			}
			case 6 -> {
				move("week_start", Date.valueOf(week()), partner, week,
						"o.partner_id = s.partner_id AND o.week_start = :to");
				return "move week";
			}
			case 7 -> {
				move("partner_id", partner(), partner, week, "o.partner_id = :to AND o.week_start = s.week_start");
				return "move partner";
			}
			case 8 -> {
				boolean toTrust = this.random.nextBoolean();
				this.jdbc
					.sql("""
							UPDATE partner_score_week s SET pillar = :to
							WHERE s.partner_id = :partner AND s.week_start = :week AND s.pillar = :from
							  AND NOT EXISTS (SELECT 1 FROM partner_score_week o
							                  WHERE o.partner_id = s.partner_id AND o.week_start = s.week_start AND o.pillar = :to)
							""")
					.param("to", toTrust ? "TRUST" : "BEHAVIOUR")
					.param("from", toTrust ? "BEHAVIOUR" : "TRUST")
					.param("partner", partner)
					.param("week", Date.valueOf(week))
					.update();
				return "move pillar";
			}
			case 9 -> {
				this.jdbc.sql("UPDATE partner_score_week SET computed_at = now() WHERE week_start = :week")
					.param("week", Date.valueOf(week))
					.update();
				return "touch";
			}
			default -> {
				int how = this.random.nextInt(3);
				this.jdbc.sql("""
						DELETE FROM partner_score_week WHERE partner_id = ANY(:ids)
						  AND (:how = 1 OR week_start = :week) AND (:how <> 0 OR pillar = 'BEHAVIOUR')
						""")
					.param("ids", how == 2 ? some().toArray(Long[]::new) : new Long[] { partner })
					.param("how", how)
					.param("week", Date.valueOf(week))
					.update();
				return List.of("delete one", "delete partner", "delete week").get(how);
			}
		}
	}

	/** The behaviour row of the partner's week moved (its column to {@code to}). */
	private void move(String column, Object to, long partner, LocalDate week, String clash) {
		this.jdbc
			.sql("UPDATE partner_score_week s SET " + column + " = :to"
					+ " WHERE s.partner_id = :partner AND s.week_start = :week AND s.pillar = 'BEHAVIOUR'"
					+ " AND NOT EXISTS (SELECT 1 FROM partner_score_week o WHERE " + clash
					+ " AND o.pillar = 'BEHAVIOUR')")
			.param("to", to)
			.param("partner", partner)
			.param("week", Date.valueOf(week))
			.update();
	}

	private void insert(long partner, LocalDate week, String pillar, BigDecimal score, String conflict) {
		this.jdbc.sql(INSERT + " ON CONFLICT " + conflict)
			.param("partner", partner)
			.param("week", Date.valueOf(week))
			.param("pillar", pillar)
			.param("score", score)
			.param("reason", score == null ? "not enough data" : null)
			.update();
	}

	private List<Long> some() {
		var ids = new ArrayList<Long>();
		for (long p : this.partners) {
			if (this.random.nextInt(3) > 0) {
				ids.add(p);
			}
		}
		return ids;
	}

	private long partner() {
		return this.partners.get(this.random.nextInt(this.partners.size()));
	}

	private LocalDate week() {
		return this.weeks.get(this.random.nextInt(this.weeks.size()));
	}

	private String pillar() {
		return List.of("BEHAVIOUR", "BEHAVIOUR", "BEHAVIOUR", "READINESS", "TRUST").get(this.random.nextInt(5));
	}

	private BigDecimal maybeUnknown() {
		return this.random.nextInt(8) == 0 ? null : score();
	}

	private BigDecimal score() {
		return RoiMomentumKeptPropertyTests.score(this.random);
	}

}
