package com.trellis.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage funnel read from the kept first entries ({@link FunnelRepository},
 * {@code metrics_funnel_entry}, V173) equals the former statement over the stage history,
 * which searched the period's whole history again for every first entry (2.2 s for the
 * demo's quarter): on the demo, and on a generated world (random registrations, moves
 * back and forth, closes won and lost, reopens, partners put on direct deals, in four
 * currencies; its histories then spread over five months by updates, some changes
 * reordered, some at the same moment as the one before, some deleted, some inserted
 * before the others, a deal's partner changed) for every kind of slice, over quarters,
 * months, runs of days and single days measured in the business zone and in Auckland's,
 * and for each role's own view (admin, PAM, sales manager, executive, partner user); the
 * kept entries equal their recomputation from the histories after each of those changes.
 */
@TrellisTest
class FunnelSameFiguresTests {

	private static final long SEED = 20261202L;

	/** The statement before the one-pass reading (kept here as the reference). */
	static final String FORMER = """
			WITH moved AS (
			  SELECT DISTINCT opportunity_id FROM opportunity_stage_change WHERE changed_at >= :from AND changed_at < :to
			),
			steps (stage, rank) AS (VALUES %s),
			changes AS (
			  SELECT c.id, c.opportunity_id, c.to_stage, c.changed_at, st.rank,
			         lead(c.changed_at) OVER (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) AS left_at,
			         row_number() OVER (PARTITION BY c.opportunity_id, c.to_stage ORDER BY c.changed_at, c.id) AS nth
			  FROM opportunity_stage_change c JOIN moved m ON m.opportunity_id = c.opportunity_id
			  LEFT JOIN steps st ON st.stage = c.to_stage
			),
			firsts AS (
			  SELECT f.opportunity_id, f.to_stage, f.changed_at, f.left_at,
			         EXISTS (SELECT 1 FROM changes later WHERE later.opportunity_id = f.opportunity_id
			                   AND later.rank > f.rank AND (later.changed_at, later.id) > (f.changed_at, f.id)) AS advanced
			  FROM changes f WHERE f.nth = 1 AND f.rank IS NOT NULL
			),
			sides AS (
			  SELECT o.id, CASE WHEN o.partner_id IS NULL THEN 'DIRECT'
			                    WHEN o.partner_id IN (SELECT p.id FROM partner p WHERE %s) THEN 'PARTNER' END AS side
			  FROM opportunity o JOIN moved m ON m.opportunity_id = o.id
			)
			SELECT s.side, f.to_stage, count(*), count(*) FILTER (WHERE f.advanced),
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.left_at - f.changed_at) / 86400)
			         FILTER (WHERE f.left_at IS NOT NULL)
			FROM firsts f JOIN sides s ON s.id = f.opportunity_id
			WHERE s.side IS NOT NULL AND f.changed_at >= :from AND f.changed_at < :to
			GROUP BY s.side, f.to_stage
			""";

	@Autowired
	FunnelRepository funnel;

	@Autowired
	Kpis kpis;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theOnePassFunnelEqualsTheFormerStatementForEverySliceRoleAndPeriod() {
		var zone = this.calendar.zone();
		var quarter = Period.quarter(this.calendar.currentQuarter()).at(this.clock.instant(), zone);
		var demoPam = this.jdbc.sql("SELECT owner_pam_id FROM partner ORDER BY id LIMIT 1").query(Long.class).single();
		for (int rank = 0; rank < FunnelRepository.STAGES.size(); rank++) {
			var code = FunnelRepository.STAGES.get(rank)[0];
			assertThat(this.jdbc.sql("SELECT metrics_funnel_rank(:code)")
				.param("code", code)
				.query(Integer.class)
				.single()).as(code).isEqualTo(rank);
		}
		assertKeptEqualsRecomputed("demo");
		int reached = compare(quarter, Slice.PROGRAM, "demo");
		reached += compare(quarter, new Slice(Slice.Kind.PAM, String.valueOf(demoPam)), "demo");
		assertThat(reached).as("deals reaching a stage in the demo's quarter").isPositive();

		long lastDemoDeal = this.jdbc.sql("SELECT max(id) FROM opportunity").query(Long.class).single();
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		changes.run(SEED, 120);
		var partners = this.jdbc.sql("SELECT id FROM partner WHERE name LIKE :names ORDER BY id")
			.param("names", "Random Partner _ " + SEED)
			.query(Long.class)
			.list();
		assertKeptEqualsRecomputed("after the random changes");
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = :id")
			.param("id", partners.get(0))
			.query(Long.class)
			.single();
		// rolled back: other tests read the demo's history and partners
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			var first = spreadBeforeTheDemo(lastDemoDeal);
			assertKeptEqualsRecomputed("after the histories' updates");
			rewriteSomeHistories(lastDemoDeal, partners);
			assertKeptEqualsRecomputed("after deletes, inserts before the others and a partner changed");
			var slices = slices(partners, pam, first);
			int found = 0;
			for (var z : List.of(zone, ZoneId.of("Pacific/Auckland"))) {
				for (var period : periods(first)) {
					for (var slice : slices) {
						found += compare(period.at(this.clock.instant(), z), slice, "generated world in " + z);
					}
				}
			}
			assertThat(found).as("deals reaching a stage in the generated world").isGreaterThan(200);
			eachRoleSeesTheFormerFiguresOfItsOwnView(partners, pam, first);
			status.setRollbackOnly();
		});
	}

	/**
	 * The statement's plan searches no materialized history once per row: the former one
	 * scanned the period's whole history again for every first entry (a per-row subplan
	 * over a CTE scan: 2.2 s for the demo's quarter, quadratic in the period's changes).
	 */
	@Test
	void theFunnelsPlanSearchesNoHistoryPerRow() {
		var zone = this.calendar.zone();
		var quarter = Period.quarter(this.calendar.currentQuarter()).at(this.clock.instant(), zone);
		for (var slice : List.of(Slice.PROGRAM, new Slice(Slice.Kind.TIER, "TIER_1_INVEST"))) {
			var kept = FunnelRepository.FUNNEL.formatted(FunnelRepository.values(),
					FunnelRepository.partnerSide(slice));
			assertThat(perRowHistorySearches(kept, quarter, slice)).as("%s", slice).isZero();
		}
		// the check sees the former statement's search
		assertThat(perRowHistorySearches(former(Slice.PROGRAM), quarter, Slice.PROGRAM)).isPositive();
	}

	/** How many subplans of the statement's plan scan a CTE (run once per outer row). */
	private int perRowHistorySearches(String statement, Period period, Slice slice) {
		var sql = "EXPLAIN (FORMAT JSON) " + statement;
		var plan = KpiStatements.bind(this.jdbc.sql(sql), period, slice).query(String.class).single();
		int found = 0;
		int at = plan.indexOf("\"Parent Relationship\": \"SubPlan\"");
		while (at >= 0) {
			// a node's type comes first, before its relationship to its parent
			var node = plan.substring(plan.lastIndexOf('{', at), at);
			found += node.contains("\"Node Type\": \"CTE Scan\"") ? 1 : 0;
			at = plan.indexOf("\"Parent Relationship\": \"SubPlan\"", at + 1);
		}
		return found;
	}

	/**
	 * Each role's funnel through the facade equals the former statement over the slice
	 * that role is shown: a PAM's program is their book, a partner user's its partner.
	 */
	private void eachRoleSeesTheFormerFiguresOfItsOwnView(List<Long> partners, long pam, LocalDate first) {
		var period = Period.until(first.minusDays(10), first.plusDays(150));
		var at = period.at(this.clock.instant(), this.calendar.zone());
		var pamViewer = this.jdbc.sql("SELECT display_name FROM app_user WHERE id = :id")
			.param("id", pam)
			.query(String.class)
			.single();
		var vertical = new Slice(Slice.Kind.VERTICAL, "Retail");
		var cases = List.of(new Object[] { this.fixtures.user(Role.ADMIN), Slice.PROGRAM, Slice.PROGRAM },
				new Object[] { this.fixtures.user(Role.ADMIN), vertical, vertical },
				new Object[] { this.fixtures.user(Role.SALES_MANAGER), vertical, vertical },
				new Object[] { this.fixtures.user(Role.EXECUTIVE), Slice.PROGRAM, Slice.PROGRAM },
				new Object[] { new Viewer(pam, pamViewer, Role.PAM, null), Slice.PROGRAM,
						new Slice(Slice.Kind.PAM, String.valueOf(pam)) },
				new Object[] { new Viewer(pam, pamViewer, Role.PAM, null), vertical, vertical.inBook(pam) },
				new Object[] { this.fixtures.user(Role.PARTNER, partners.get(0), null), Slice.PROGRAM,
						new Slice(Slice.Kind.PARTNER, String.valueOf(partners.get(0))) });
		for (var c : cases) {
			var viewer = (Viewer) c[0];
			assertThat(this.kpis.funnel(viewer, period, (Slice) c[1])).as("%s asking %s", viewer.role(), c[1])
				.isEqualTo(this.funnel.read(former((Slice) c[2]), at, (Slice) c[2]));
		}
	}

	/** The former statement for a slice. */
	private static String former(Slice slice) {
		return FORMER.formatted(FunnelRepository.values(), slice.predicate());
	}

	/** Compares one period and slice; returns the deals that reached a stage. */
	private int compare(Period period, Slice slice, String world) {
		var former = this.funnel.read(former(slice), period, slice);
		assertThat(this.funnel.funnel(period, slice)).as("%s, %s, %s", world, slice, period).isEqualTo(former);
		return (int) former.stream().mapToLong(s -> s.partner().reached() + s.direct().reached()).sum();
	}

	/**
	 * Moves the generated deals' histories to before the demo's first change (so the
	 * former statement reads them alone), each deal by its own number of days and some
	 * changes by a few hours (reordering them), then puts every third deal's second
	 * change at the moment of its first (a tie, broken by id); returns the first day.
	 */
	private LocalDate spreadBeforeTheDemo(long lastDemoDeal) {
		// whole days enough to end the generated histories 30 days before the demo's
		// first
		int days = this.jdbc.sql("""
				SELECT CAST(ceil(extract(epoch FROM max(c.changed_at) FILTER (WHERE c.opportunity_id > :last)
				                   - min(c.changed_at) FILTER (WHERE c.opportunity_id <= :last)) / 86400) AS INT) + 130
				FROM opportunity_stage_change c""").param("last", lastDemoDeal).query(Integer.class).single();
		this.jdbc.sql("""
				UPDATE opportunity_stage_change c
				SET changed_at = c.changed_at - :days * interval '1 day' + (c.opportunity_id % 97) * interval '1 day'
				                 - (c.id % 4) * interval '5 hours'
				WHERE c.opportunity_id > :last""").param("days", days).param("last", lastDemoDeal).update();
		this.jdbc
			.sql("""
					UPDATE opportunity_stage_change c SET changed_at = f.first_at
					FROM (SELECT opportunity_id, min(changed_at) AS first_at, (array_agg(id ORDER BY changed_at, id))[2] AS second
					      FROM opportunity_stage_change WHERE opportunity_id > :last
					      GROUP BY opportunity_id HAVING count(*) > 1) f
					WHERE c.id = f.second AND f.opportunity_id % 3 = 0""")
			.param("last", lastDemoDeal)
			.update();
		var first = this.jdbc.sql("SELECT min(changed_at) FROM opportunity_stage_change WHERE opportunity_id > :last")
			.param("last", lastDemoDeal)
			.query(java.sql.Timestamp.class)
			.single();
		return LocalDate.ofInstant(first.toInstant(), this.calendar.zone());
	}

	/**
	 * Deletes every fifth generated deal's last change, gives every seventh a change to
	 * Qualified an hour before its first, and moves half the deals of the first generated
	 * partner to the third.
	 */
	private void rewriteSomeHistories(long lastDemoDeal, List<Long> partners) {
		this.jdbc.sql("""
				DELETE FROM opportunity_stage_change WHERE id IN (
				  SELECT max(id) FROM opportunity_stage_change WHERE opportunity_id > :last AND opportunity_id % 5 = 0
				  GROUP BY opportunity_id HAVING count(*) > 1)""").param("last", lastDemoDeal).update();
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
				SELECT opportunity_id, NULL, 'QUALIFIED', min(changed_at) - interval '1 hour'
				FROM opportunity_stage_change WHERE opportunity_id > :last AND opportunity_id % 7 = 0
				GROUP BY opportunity_id""").param("last", lastDemoDeal).update();
		this.jdbc.sql("UPDATE opportunity SET partner_id = :to WHERE partner_id = :from AND id % 2 = 0")
			.param("to", partners.get(2))
			.param("from", partners.get(0))
			.update();
	}

	/** The kept first entries equal their recomputation from the histories, both ways. */
	private void assertKeptEqualsRecomputed(String when) {
		var recomputed = "SELECT v.*, o.partner_id FROM metrics_funnel_entry_computed v "
				+ "JOIN opportunity o ON o.id = v.opportunity_id";
		var kept = "SELECT * FROM metrics_funnel_entry";
		for (var sql : List.of(kept + " EXCEPT " + recomputed, recomputed + " EXCEPT " + kept)) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM (" + sql + ") x").query(Long.class).single()).as(when)
				.isZero();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM metrics_funnel_entry").query(Long.class).single()).as(when)
			.isPositive();
	}

	/**
	 * Every kind of slice over the generated partners: A in APAC with two verticals and a
	 * capability, B of the first tier onboarded in the quarter of {@code first}, C in a
	 * cohort from {@code first} on.
	 */
	private List<Slice> slices(List<Long> partners, long pam, LocalDate first) {
		var onboarded = first.plusDays(20);
		this.jdbc.sql("""
				UPDATE partner SET region = 'APAC', verticals = '{Retail,Energy}', capabilities = '{Cloud migration}'
				WHERE id = :id""").param("id", partners.get(0)).update();
		this.jdbc.sql("UPDATE partner SET tier = 'TIER_1_INVEST', type = 'ISV', onboarded_on = :day WHERE id = :id")
			.param("day", onboarded)
			.param("id", partners.get(1))
			.update();
		long cohort = this.jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at) VALUES ('Funnel cohort', 'MANUAL', 'by hand', now())
				RETURNING id""").query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
				VALUES (:cohort, :partner, :from, NULL, 'test')""")
			.param("cohort", cohort)
			.param("partner", partners.get(2))
			.param("from", java.sql.Timestamp.valueOf(first.plusDays(30).atStartOfDay()))
			.update();
		var quarter = this.calendar.quarterOf(onboarded).label();
		return List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pam)),
				new Slice(Slice.Kind.TIER, "TIER_1_INVEST"), new Slice(Slice.Kind.TYPE, "ISV"),
				new Slice(Slice.Kind.REGION, "APAC"), new Slice(Slice.Kind.PARTNER, String.valueOf(partners.get(0))),
				new Slice(Slice.Kind.COHORT, String.valueOf(cohort)),
				new Slice(Slice.Kind.ONBOARDING_QUARTER, quarter).resolved(this.calendar.fiscalYearStart()),
				new Slice(Slice.Kind.VERTICAL, "Retail"), new Slice(Slice.Kind.CAPABILITY, "Cloud migration"),
				new Slice(Slice.Kind.PROGRAM, null, pam), new Slice(Slice.Kind.VERTICAL, "Energy", pam));
	}

	/** A quarter, a month, 40 days, one day and a 15-day run over the moved histories. */
	private List<Period> periods(LocalDate first) {
		var middle = first.plusDays(60);
		return List.of(Period.quarter(this.calendar.quarterOf(middle)), Period.month(middle),
				Period.until(middle.minusDays(40), middle), Period.until(middle, middle.plusDays(1)),
				Period.until(first.plusDays(90), first.plusDays(105)));
	}

}
