package com.trellis.tiers;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier page's weekly counts are kept ({@code tier_week_count}, V140, V166; the page
 * grouped every evaluation per request before, issue 15): after a random sequence of
 * evaluations written, re-tiered and removed (fixed seed) the kept counts equal the
 * counts grouped from the evaluations, and so does the rebuild. The weeks are in 1990,
 * apart from every other test's.
 */
@TrellisTest
class TierWeekCountsPropertyTests {

	private static final String[] TIERS = { "TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE" };

	private static final String GROUPED = """
			SELECT week_start, min(fiscal_week) AS fiscal_week, count(*) AS evaluations,
			       count(*) FILTER (WHERE tier_after = 'TIER_1_INVEST') AS tier_1,
			       count(*) FILTER (WHERE tier_after = 'TIER_2_EMERGING') AS tier_2,
			       count(*) FILTER (WHERE tier_after = 'TIER_3_BASELINE') AS tier_3,
			       count(*) FILTER (WHERE tier_after < tier_before) AS moved_up,
			       count(*) FILTER (WHERE tier_after > tier_before) AS moved_down
			FROM tier_evaluation WHERE week_start < DATE '1991-01-01' GROUP BY week_start ORDER BY week_start
			""";

	private static final String KEPT = """
			SELECT week_start, fiscal_week, evaluations, tier_1, tier_2, tier_3, moved_up, moved_down
			FROM tier_week_count WHERE week_start < DATE '1991-01-01' ORDER BY week_start
			""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void theKeptWeekCountsEqualTheEvaluationsGroupedAfterRandomChanges() {
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id LIMIT 8").query(Long.class).list();
		assertThat(partners).hasSizeGreaterThan(2);
		var random = new Random(15_140);
		try {
			for (int round = 0; round < 4; round++) {
				for (int step = 0; step < 40; step++) {
					var week = LocalDate.of(1990, 1, 1).plusWeeks(random.nextInt(5));
					long partner = partners.get(random.nextInt(partners.size()));
					switch (random.nextInt(4)) {
						case 0, 1 -> this.jdbc
							.sql("""
									INSERT INTO tier_evaluation (partner_id, week_start, fiscal_week, tier_before, tier_after,
									    note, evaluated_at)
									VALUES (:partner, :week, :fiscal, :before, :after, 'property test', now())
									ON CONFLICT DO NOTHING
									""")
							.param("partner", partner)
							.param("week", Date.valueOf(week))
							.param("fiscal", "FY1990-W" + week.getDayOfYear() / 7)
							.param("before", TIERS[random.nextInt(3)])
							.param("after", TIERS[random.nextInt(3)])
							.update();
						case 2 -> this.jdbc.sql(
								"UPDATE tier_evaluation SET tier_after = :after WHERE week_start = :week AND partner_id <= :partner")
							.param("after", TIERS[random.nextInt(3)])
							.param("week", Date.valueOf(week))
							.param("partner", partner)
							.update();
						default -> this.jdbc
							.sql("DELETE FROM tier_evaluation WHERE week_start = :week AND partner_id = :partner")
							.param("week", Date.valueOf(week))
							.param("partner", partner)
							.update();
					}
				}
				assertThat(rows(KEPT)).isEqualTo(rows(GROUPED)).isNotEmpty();
			}
			this.jdbc.sql("SELECT tier_week_count_rebuild()").query().singleValue();
			assertThat(rows(KEPT)).isEqualTo(rows(GROUPED));
		}
		finally {
			this.jdbc.sql("DELETE FROM tier_evaluation WHERE week_start < DATE '1991-01-01'").update();
		}
		assertThat(rows(KEPT)).isEmpty();
	}

	private List<Map<String, Object>> rows(String sql) {
		return this.jdbc.sql(sql).query().listOfRows();
	}

}
