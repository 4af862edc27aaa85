package com.trellis.facts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): after a random sequence of enablement completions (added,
 * re-dated, expired, removed), partner users (added, their job role changed or cleared)
 * and an item made optional and required again, the program's kept enablement rows
 * ({@code enablement_program_fact}, V116) give, for every day of a 1,400-day span, the
 * same numerator and denominator as the KPI's own statement over the users and their held
 * days; and again after the rebuild command ({@code facts_rebuild}).
 */
@TrellisTest
class EnablementProgramFactsPropertyTests {

	private static final long SEED = 20261216L;

	private static final int STEPS = 100;

	private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

	private static final int SPAN_DAYS = 800;

	private static final List<String> ROLES = java.util.Arrays.asList("AE", "SE", "CSM", "NO_TRACK", null);

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void programEnablementRowsEqualTheKpisStatementAfterARandomSequence() {
		var random = new Random(SEED);
		var pam = this.fixtures.user(Role.PAM);
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 2; i++) {
			partners.add(this.fixtures.partner("Enablement Program Facts Partner " + i + " " + SEED, pam.userId()));
		}
		var users = new ArrayList<long[]>();
		for (int i = 0; i < 4; i++) {
			users.add(changes().partnerUser(partners.get(i % partners.size()), ROLES.get(i % 3)));
		}
		var items = this.jdbc.sql("SELECT id FROM enablement_item ORDER BY id").query(Long.class).list();
		long toggled = this.jdbc.sql("SELECT id FROM enablement_item WHERE required ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		var done = new java.util.TreeMap<String, Integer>();
		try {
			for (int step = 0; step < STEPS; step++) {
				var what = step(random, partners, users, items, toggled);
				done.merge(what, 1, Integer::sum);
				assertThat(kept()).as("program enablement after step %d (%s)", step, what).isEqualTo(recomputed());
			}
		}
		finally {
			changes().require(toggled);
		}
		assertThat(done).containsKeys("completion", "completion re-dated", "completion removed", "user added",
				"job role changed", "item toggled");
		assertThat(kept()).as("program enablement at the end").isEqualTo(recomputed());
		this.jdbc.sql("SELECT facts_rebuild((SELECT zone FROM fact_setting))").query().singleRow();
		assertThat(kept()).as("program enablement after the rebuild").isEqualTo(recomputed());
	}

	private CompletionChanges changes() {
		return new CompletionChanges(this.fixtures, this.jdbc);
	}

	private String step(Random random, List<Long> partners, List<long[]> users, List<Long> items, long toggled) {
		var user = users.get(random.nextInt(users.size()));
		switch (random.nextInt(8)) {
			case 0, 1, 2 -> {
				return changes().complete(random, items, user, FIRST, SPAN_DAYS);
			}
			case 3 -> {
				return changes().removeOrRedate(random, user);
			}
			case 4, 5 -> {
				// one user or several at once (a bulk edit)
				this.jdbc.sql("UPDATE app_user SET job_role = :role WHERE id = ANY (:ids)")
					.param("role", ROLES.get(random.nextInt(ROLES.size())))
					.param("ids", random.nextBoolean() ? new Long[] { user[0] }
							: users.stream().map(u -> u[0]).filter(id -> random.nextBoolean()).toArray(Long[]::new))
					.update();
				return "job role changed";
			}
			case 6 -> {
				if (users.size() >= 10) {
					return "nothing";
				}
				users.add(changes().partnerUser(partners.get(random.nextInt(partners.size())),
						ROLES.get(random.nextInt(ROLES.size()))));
				return "user added";
			}
			default -> {
				return changes().toggle(toggled);
			}
		}
	}

	private static final String DAYS = """
			WITH days AS (SELECT CAST(d AS DATE) AS d FROM generate_series(CAST(:first AS DATE) - 2,
			                CAST(:first AS DATE) + :span + 600, interval '1 day') d)
			""";

	/**
	 * Per day: holding and users, from the kept rows: the held of every row on or before
	 * the day (the rows before the first day, then a running sum over the days).
	 */
	private List<String> kept() {
		return this.jdbc.sql(DAYS + """
				, f AS (SELECT day, sum(held) AS held FROM enablement_program_fact GROUP BY day),
				before AS (SELECT sum(held) AS held FROM f WHERE day < (SELECT min(d) FROM days))
				SELECT d.d || '|' || (COALESCE((SELECT held FROM before), 0)
				                      + COALESCE(sum(f.held) OVER (ORDER BY d.d ROWS UNBOUNDED PRECEDING), 0))
				       || '|' || (SELECT COALESCE(sum(users), 0) FROM enablement_program_fact)
				FROM days d LEFT JOIN f ON f.day = d.d ORDER BY d.d
				""").param("first", Date.valueOf(FIRST)).param("span", SPAN_DAYS).query(String.class).list();
	}

	/** Per day: the KPI's statement for the program slice before V116. */
	private List<String> recomputed() {
		return this.jdbc.sql(DAYS + """
				, users AS (SELECT u.id, u.job_role FROM app_user u JOIN partner p ON p.id = u.partner_id
				            WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL),
				required AS (SELECT DISTINCT t.role FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
				             WHERE i.required)
				SELECT d.d || '|' || count(u.id) FILTER (WHERE h.held @> d.d) || '|' || count(u.id)
				FROM days d LEFT JOIN (users u JOIN required r ON r.role = u.job_role
				     LEFT JOIN enablement_held_fact h ON h.user_id = u.id AND h.role = u.job_role) ON TRUE
				GROUP BY d.d ORDER BY d.d
				""").param("first", Date.valueOf(FIRST)).param("span", SPAN_DAYS).query(String.class).list();
	}

}
