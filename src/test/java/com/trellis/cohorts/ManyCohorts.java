package com.trellis.cohorts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many cohorts made by hand over the demo's partners (the first 60 made, whatever other
 * tests added to the shared database, so the sizes do not grow with the tests run
 * before), for the Cohorts page's tests (issue 15, co41): {@code n} cohorts named "Many
 * cohorts 001" …, each with the partners its number picks (about one in six, so sizes and
 * books vary), most members since 20 weeks ago, some since 6 weeks ago, some of whom left
 * 3 weeks ago; so the weeks' figures, journeys and the largest cohorts differ from cohort
 * to cohort. {@link #remove} deletes them again (the shared test database keeps its demo
 * cohorts only).
 */
final class ManyCohorts {

	private final JdbcClient jdbc;

	private final List<Long> ids;

	private ManyCohorts(JdbcClient jdbc, List<Long> ids) {
		this.jdbc = jdbc;
		this.ids = ids;
	}

	static ManyCohorts make(JdbcClient jdbc, Clock clock, int n) {
		var now = clock.instant();
		var ids = jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at)
				SELECT 'Many cohorts ' || lpad(CAST(g AS TEXT), 3, '0'), 'MANUAL', 'many cohorts test', :since
				FROM generate_series(1, :n) g RETURNING id
				""")
			.param("n", n)
			.param("since", Timestamp.from(now.minus(Duration.ofDays(140))))
			.query(Long.class)
			.list();
		jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
				SELECT c.id, p.id, CASE WHEN (c.id + p.id) % 4 = 0 THEN CAST(:recent AS TIMESTAMPTZ) ELSE :since END,
				       CASE WHEN (c.id * 3 + p.id) % 9 = 0 THEN CAST(:left AS TIMESTAMPTZ) END, 'many cohorts test'
				FROM cohort c JOIN partner p ON (c.id * 31 + p.id * 17) % 6 = 0 OR (c.id % 40 = 0 AND p.id % 2 = 0)
				WHERE c.id = ANY (CAST(:ids AS BIGINT[])) AND p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET')
				  AND p.id IN (SELECT id FROM partner ORDER BY id LIMIT 60)
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("since", Timestamp.from(now.minus(Duration.ofDays(140))))
			.param("recent", Timestamp.from(now.minus(Duration.ofDays(42))))
			.param("left", Timestamp.from(now.minus(Duration.ofDays(21))))
			.update();
		return new ManyCohorts(jdbc, ids);
	}

	List<Long> ids() {
		return this.ids;
	}

	void remove() {
		this.jdbc.sql("DELETE FROM cohort_membership WHERE cohort_id = ANY (CAST(:ids AS BIGINT[]))")
			.param("ids", this.ids.toArray(Long[]::new))
			.update();
		this.jdbc.sql("DELETE FROM cohort WHERE id = ANY (CAST(:ids AS BIGINT[]))")
			.param("ids", this.ids.toArray(Long[]::new))
			.update();
	}

}
