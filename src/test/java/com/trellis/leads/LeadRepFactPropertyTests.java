package com.trellis.leads;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.shared.BusinessCalendar;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner leads kept per rep and day of routing ({@code lead_rep_fact}, V198) equal a
 * recount of the leads after every step of a fixed-seed random sequence of lead inserts
 * (submitted, routed, one to three in a statement), routings, decisions, follow-ups (in
 * time and late), routes missed before a lead went to another rep (V311), hand-overs of a
 * rep's routed leads, leads moved in time across days and months, and deletes; the
 * rebuild writes the same; and the figures per rep read from them equal the figures read
 * from every lead of the period for a quarter, a month, 40 days and one day, as of
 * moments before, between and after the deadlines, for every rep and for two. Rolled
 * back.
 */
@TrellisTest
class LeadRepFactPropertyTests {

	private static final long SEED = 20261205L;

	private static final int STEPS = 120;

	private static final String KEPT = """
			SELECT month, day, rep_id, received, accepted, followed, in_time FROM lead_rep_fact""";

	private static final String RECOUNTED = """
			WITH c AS (
			  SELECT rep_id, routed_at, status, first_follow_up_at, follow_up_due_at, decided_at FROM partner_lead
			  UNION ALL
			  SELECT rep_id, routed_at, 'DECLINED', NULL, follow_up_due_at, ended_at FROM partner_lead_missed_route),
			d AS (
			  SELECT CAST(l.routed_at AT TIME ZONE s.zone AS DATE) AS day, l.rep_id, l.status, l.first_follow_up_at,
			         l.follow_up_due_at, l.decided_at
			  FROM c l CROSS JOIN fact_setting s WHERE l.rep_id IS NOT NULL AND l.routed_at IS NOT NULL),
			m AS (SELECT FALSE AS month, day, rep_id, status, first_follow_up_at, follow_up_due_at, decided_at FROM d
			      UNION ALL
			      SELECT TRUE, CAST(date_trunc('month', CAST(day AS TIMESTAMP)) AS DATE), rep_id, status, first_follow_up_at,
			             follow_up_due_at, decided_at FROM d)
			SELECT month, day, rep_id, count(*), count(*) FILTER (WHERE status = 'ACCEPTED'),
			       count(*) FILTER (WHERE first_follow_up_at IS NOT NULL
			                        OR status = 'DECLINED' AND decided_at > follow_up_due_at),
			       count(*) FILTER (WHERE first_follow_up_at <= follow_up_due_at)
			FROM m GROUP BY month, day, rep_id""";

	/** A submitted or routed lead routed (again). */
	private static final String ROUTE = """
			UPDATE partner_lead SET status = 'ROUTED', rep_id = :rep, routed_at = CAST(:at AS TIMESTAMPTZ),
			       follow_up_due_at = CAST(:at AS TIMESTAMPTZ) + interval '2 days'
			WHERE id = :id AND status IN ('SUBMITTED', 'ROUTED')""";

	/** A routed lead accepted or declined. */
	private static final String DECIDE = """
			UPDATE partner_lead SET status = CASE WHEN id % 3 = 0 THEN 'DECLINED' ELSE 'ACCEPTED' END,
			       decline_reason = CASE WHEN id % 3 = 0 THEN 'test' END, decided_at = CAST(:at AS TIMESTAMPTZ)
			WHERE id = :id AND status = 'ROUTED' AND CAST(:rep AS BIGINT) > 0""";

	/** A follow-up recorded zero to four days after routing (the deadline is 2 or 3). */
	private static final String FOLLOW_UP = """
			UPDATE partner_lead SET first_follow_up_at = routed_at + (id % 5) * interval '1 day'
			WHERE id = :id AND routed_at IS NOT NULL AND CAST(:rep AS BIGINT) > 0 AND CAST(:at AS TIMESTAMPTZ) IS NOT NULL""";

	@Autowired
	LeadFigureRepository figureRows;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeptLeadCountsEqualARecountAndGiveTheFiguresOfEveryLead() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertKeptEqualsRecount("demo");
			var random = new Random(SEED);
			var reps = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'AE' ORDER BY id LIMIT 3")
				.query(Long.class)
				.list();
			var template = this.jdbc.sql("SELECT min(id) FROM partner_lead").query(Long.class).single();
			var ids = new ArrayList<Long>();
			for (int step = 0; step < STEPS; step++) {
				change(random, reps, template, ids);
				if (step % 10 == 9) {
					assertKeptEqualsRecount("step " + step);
					assertFiguresEqual("step " + step, reps);
				}
			}
			this.jdbc.sql("SELECT leads_rep_fact_rebuild()").query().singleRow();
			assertKeptEqualsRecount("after the rebuild");
			assertFiguresEqual("after the rebuild", reps);
			status.setRollbackOnly();
		});
	}

	private void change(Random random, List<Long> reps, long template, List<Long> ids) {
		var now = this.clock.instant();
		var at = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(200 * 24 * 60))));
		long rep = reps.get(random.nextInt(reps.size()));
		int kind = ids.isEmpty() ? 0 : random.nextInt(9);
		switch (kind) {
			case 0 -> {
				for (int i = 0; i < 1 + random.nextInt(3); i++) {
					boolean routed = random.nextBoolean();
					ids.add(this.jdbc.sql("""
							INSERT INTO partner_lead (partner_id, submitted_by, company_name, contact_name, status,
							                          routing_reason, rep_id, submitted_at, routed_at, follow_up_due_at)
							SELECT partner_id, submitted_by, 'Lead count check', 'Someone', :status, 'test',
							       CAST(:rep AS BIGINT), :at, CAST(:routed AS TIMESTAMPTZ),
							       CAST(:routed AS TIMESTAMPTZ) + interval '3 days'
							FROM partner_lead WHERE id = :template RETURNING id""")
						.param("status", routed ? "ROUTED" : "SUBMITTED")
						.param("rep", routed ? rep : null, java.sql.Types.BIGINT)
						.param("at", at)
						.param("routed", routed ? at : null, java.sql.Types.TIMESTAMP)
						.param("template", template)
						.query(Long.class)
						.single());
				}
			}
			case 1 -> update(ROUTE, random, ids, rep, at);
			case 2 -> update(DECIDE, random, ids, rep, at);
			case 3 -> update(FOLLOW_UP, random, ids, rep, at);
			case 4 -> this.jdbc.sql("UPDATE partner_lead SET rep_id = :to WHERE rep_id = :from AND status = 'ROUTED'")
				.param("to", rep)
				.param("from", reps.get(random.nextInt(reps.size())))
				.update();
			case 5 -> this.jdbc.sql("""
					UPDATE partner_lead SET routed_at = routed_at + :hours * interval '1 hour'
					WHERE id = ANY (:ids) AND id % 2 = :parity""")
				.param("hours", random.nextInt(1500) - 750)
				.param("ids", ids.toArray(Long[]::new))
				.param("parity", random.nextInt(2))
				.update();
			case 6 -> this.jdbc.sql("DELETE FROM partner_lead WHERE id = :id")
				.param("id", ids.remove(random.nextInt(ids.size())))
				.update();
			// a route the rep missed, kept when the lead went to another (V311)
			case 8 ->
				update("""
						INSERT INTO partner_lead_missed_route (lead_id, rep_id, routed_at, follow_up_due_at, ended_at)
						SELECT id, rep_id, routed_at, follow_up_due_at, follow_up_due_at + interval '5 hours' FROM partner_lead
						WHERE id = :id AND rep_id IS NOT NULL AND CAST(:rep AS BIGINT) > 0
						  AND CAST(:at AS TIMESTAMPTZ) IS NOT NULL""",
						random, ids, rep, at);
			default -> update("""
					UPDATE partner_lead SET note = 'touched', first_follow_up_at = NULL
					WHERE id = :id AND CAST(:rep AS BIGINT) > 0 AND CAST(:at AS TIMESTAMPTZ) IS NOT NULL""", random,
					ids, rep, at);
		}
	}

	private void update(String sql, Random random, List<Long> ids, long rep, Timestamp at) {
		this.jdbc.sql(sql).param("id", ids.get(random.nextInt(ids.size()))).param("rep", rep).param("at", at).update();
	}

	private void assertKeptEqualsRecount(String when) {
		com.trellis.support.KeptRows.assertEqualRecount(this.jdbc, KEPT, RECOUNTED, when);
	}

	private void assertFiguresEqual(String when, List<Long> reps) {
		var today = this.calendar.today();
		var all = this.jdbc.sql("SELECT DISTINCT rep_id FROM partner_lead WHERE rep_id IS NOT NULL")
			.query(Long.class)
			.list();
		var quarter = this.calendar.currentQuarter();
		var periods = List.of(new java.time.LocalDate[] { quarter.start(), quarter.end() },
				new java.time.LocalDate[] { quarter.previous().start(), quarter.previous().end() },
				new java.time.LocalDate[] { today.minusMonths(2).withDayOfMonth(1),
						today.minusMonths(1).withDayOfMonth(1) },
				new java.time.LocalDate[] { today.minusDays(50), today.minusDays(10) },
				new java.time.LocalDate[] { today.minusDays(4), today.minusDays(3) });
		var now = this.clock.instant();
		int received = 0;
		for (var period : periods) {
			Instant from = this.calendar.startOf(period[0]);
			Instant to = this.calendar.startOf(period[1]);
			for (var asOf : List.of(now, now.minus(Duration.ofDays(20)), now.minus(Duration.ofHours(61)))) {
				for (var some : List.of(all, reps.subList(0, 2))) {
					var fromLeads = this.figureRows.figures(some, from, to, asOf);
					assertThat(this.figureRows.figures(some, from, to, period[0], period[1], asOf))
						.as("%s: %s to %s as of %s", when, period[0], period[1], asOf)
						.isEqualTo(fromLeads);
					received += fromLeads.values().stream().mapToInt(f -> (int) f.received()).sum();
				}
			}
		}
		assertThat(received).as(when).isPositive();
	}

}
