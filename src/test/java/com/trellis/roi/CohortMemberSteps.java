package com.trellis.roi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random cohort memberships for the ROI property tests (roi43): three manual cohorts, and
 * at each step a partner placed in one of them from a day up to 400 days back (until a
 * later day or open), a current membership ended, or a partner placed in a second cohort,
 * so that the cohorts' totals on the page count members of several cohorts, members whose
 * membership ended inside a quarter and members placed after it. Draws from its own
 * {@link Random}, so the steps of the test that uses it stay as they were.
 */
final class CohortMemberSteps {

	private final JdbcClient jdbc;

	private final Random random;

	private final Instant now;

	private final List<Long> cohorts = new ArrayList<>();

	CohortMemberSteps(JdbcClient jdbc, long seed, Instant now, String name) {
		this.jdbc = jdbc;
		this.random = new Random(seed);
		this.now = now;
		for (var suffix : List.of(" A", " B", " C")) {
			this.cohorts.add(jdbc
				.sql("""
						INSERT INTO cohort (name, kind, basis, created_at) VALUES (:name, 'MANUAL', 'test', :at) RETURNING id
						""")
				.param("name", name + suffix)
				.param("at", Timestamp.from(now.minusSeconds(86_400L * 500)))
				.query(Long.class)
				.single());
		}
	}

	/** One membership placed or ended for one of the given partners. */
	void step(List<Long> partners) {
		long partner = partners.get(this.random.nextInt(partners.size()));
		long cohort = this.cohorts.get(this.random.nextInt(this.cohorts.size()));
		if (this.random.nextInt(4) == 0) {
			this.jdbc.sql("""
					UPDATE cohort_membership SET valid_to = :to
					WHERE cohort_id = :cohort AND partner_id = :partner AND valid_to IS NULL
					""")
				.param("to", Timestamp.from(this.now.minusSeconds(86_400L * this.random.nextInt(60))))
				.param("cohort", cohort)
				.param("partner", partner)
				.update();
			return;
		}
		var from = this.now.minusSeconds(86_400L * (1 + this.random.nextInt(400)));
		var to = this.random.nextBoolean() ? null : from.plusSeconds(86_400L * (1 + this.random.nextInt(200)));
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
				VALUES (:cohort, :partner, :from, :to, 'test') ON CONFLICT DO NOTHING
				""")
			.param("cohort", cohort)
			.param("partner", partner)
			.param("from", Timestamp.from(from))
			.param("to", to == null ? null : Timestamp.from(to))
			.update();
	}

}
