package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the program's reinvest list from a bounded candidate
 * set ({@link RoiReinvestSql}, roi40): every partner's behaviour scores replaced by this
 * test's (this week and eight weeks before; for some partners a week later and earlier,
 * unknown this week, or no earlier score), then after each of a random sequence of
 * changes (momenta set for one partner or for all, so that fewer and more than
 * {@code :reinvested} partners are building; momenta in steps of 5 with 4.5 and 5 on each
 * side of the building line, statuses (PAM charge on the day), tiers, enablement hours
 * from a few values so that many partners cost the same, payouts and program spend, the
 * cost rates none, PAM time only and PAM time with an hour cost) the program's page (20,
 * 4 and 2 to reinvest in) equals the statement that computed every partner's cost
 * ({@link RoiPageSqlKept}), every figure and scale, this quarter and, at random, this one
 * or the one before (whose day has no momentum). It asserts that the pages compared
 * covered each way the candidates are read (fewer partners with a momentum than the list
 * holds; fewer building; at least as many building) and, in the lists, building partners
 * of cost 0 and above 0, neighbours with the same momentum and neighbours with the same
 * points per 1,000. All in one transaction, rolled back. Scores are written in two
 * statements per change (one delete, one insert of every row), not one per partner and
 * row: with the hundreds of partners the suite's database holds by then, those trips and
 * their trigger runs were most of the test's time. A step that draws this quarter twice
 * compares its pages once and counts them twice, as before.
 */
@TrellisTest
class RoiReinvestCandidatesPropertyTests {

	private static final long SEED = 20261240L;

	private static final List<String> MOMENTA = List.of("-15", "-5", "-4.5", "0", "4.5", "5", "5", "10", "10", "15",
			"20", "35");

	private static final List<String> HOURS = List.of("2", "2.0", "4", "6.5", "0");

	private static final int[][] SIZES = { { Roi.LISTED, Roi.REINVESTED }, { 10, 4 }, { 3, 2 } };

	@Autowired
	RoiPageRepository pages;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private final Map<String, Integer> seen = new HashMap<>();

	@Test
	void theReinvestListFromItsCandidatesEqualsTheListOverEveryPartnersCost() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			try {
				run();
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private boolean comparedEnough() {
		return this.seen.getOrDefault("enough building", 0) > 20 && this.seen.getOrDefault("fewer building", 0) > 20;
	}

	private void run() {
		var random = new Random(SEED);
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id").query(Long.class).list();
		long admin = this.jdbc.sql("SELECT id FROM app_user ORDER BY id LIMIT 1").query(Long.class).single();
		var current = this.calendar.currentQuarter();
		this.jdbc.sql("DELETE FROM partner_score_week WHERE pillar = 'BEHAVIOUR'").update();
		rates("0", "0");
		everyMomentum(random, partners.size() / 2);
		// at least 60 steps, and more (up to 200) until each case below was compared
		// often enough: the cases' counts depend on how many partners the shared database
		// holds when the test runs (19, then 17 pages from every scored partner in two
		// full-suite orders, against the 20 asked for, with 40 and 60 fixed steps)
		for (int step = 0; step < 200 && (step < 60 || !comparedEnough()); step++) {
			long partner = partners.get(random.nextInt(partners.size()));
			switch (random.nextInt(9)) {
				case 0, 1 -> everyMomentum(random,
						List.of(0, 1, 3, 5, 15, 30, partners.size() / 2, partners.size()).get(random.nextInt(8)));
				case 2 -> momentum(partner, random, random.nextInt(6) == 0);
				case 3 -> this.jdbc.sql("UPDATE partner SET lifecycle_status = :status WHERE id = :id")
					.param("status", List.of("ACTIVE", "ONBOARDING", "SUNSET", "PROSPECT").get(random.nextInt(4)))
					.param("id", partner)
					.update();
				case 4 -> this.jdbc.sql("UPDATE partner SET tier = :tier WHERE id = :id")
					.param("tier",
							List.of("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE").get(random.nextInt(3)))
					.param("id", partner)
					.update();
				case 5 -> this.jdbc
					.sql("""
							INSERT INTO roi_hours_month_fact (month, partner_id, completions, hours) VALUES (:month, :partner, 1, :hours)
							ON CONFLICT (month, partner_id) DO UPDATE SET hours = EXCLUDED.hours
							""")
					.param("month", Date.valueOf(current.start()))
					.param("partner", partner)
					.param("hours", new BigDecimal(HOURS.get(random.nextInt(HOURS.size()))))
					.update();
				case 6 -> PaidEarningRows.insert(this.jdbc, "Roi reinvest", "roi-reinvest", partner, "SPIFF",
						BigDecimal.ONE, new BigDecimal(random.nextInt(3) == 0 ? "-40.00" : "125.00"), "USD",
						java.sql.Timestamp.from(this.calendar.start(current).plusSeconds(86_400)));
				case 7 -> this.jdbc
					.sql("""
							INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
							VALUES (:partner, :day, 310, 'USD', 'Roi reinvest', :by, now())
							""")
					.param("partner", partner)
					.param("day", Date.valueOf(current.start()))
					.param("by", admin)
					.update();
				default -> {
					int kind = random.nextInt(3);
					rates(kind == 0 ? "0" : "1500", kind == 2 ? "120" : "0");
				}
			}
			assertAsOverEveryPartner("step " + step, current, random.nextBoolean() ? current : current.previous());
		}
		assertThat(this.seen).as("ways and cases compared")
			.containsKeys("fewer scored", "fewer building", "enough building", "building at cost 0",
					"building at a cost", "same momentum", "same points per 1,000");
		assertThat(this.seen.get("enough building")).as("pages from the building partners").isGreaterThan(20);
		assertThat(this.seen.get("fewer building")).as("pages from every scored partner").isGreaterThan(20);
	}

	/**
	 * Every partner's momentum anew: {@code building} of them, drawn at random, building
	 * and the others not, some with no score this week or none at all. A count, not a
	 * share, so that the lists hold fewer and more building partners than they list
	 * whatever number of partners the tests before this one left in the database.
	 */
	private void everyMomentum(Random random, int building) {
		var partners = this.jdbc.sql("SELECT id FROM partner ORDER BY id").query(Long.class).list();
		var drawn = new ArrayList<>(partners);
		java.util.Collections.shuffle(drawn, random);
		var builders = new java.util.HashSet<>(drawn.subList(0, Math.min(building, drawn.size())));
		var scores = new ArrayList<Score>();
		for (long partner : partners) {
			scores.addAll(momentum(partner, random, random.nextInt(10) == 0, builders.contains(partner)));
		}
		write(partners, scores);
	}

	private void momentum(long partner, Random random, boolean odd) {
		write(List.of(partner), momentum(partner, random, odd, random.nextBoolean()));
	}

	/**
	 * The partner's scores this week and eight weeks before; when {@code odd}, one of: a
	 * week later and a week earlier, unknown this week and known two weeks before (each
	 * looked up for the partner by itself), or no earlier score (no momentum).
	 */
	private List<Score> momentum(long partner, Random random, boolean odd, boolean building) {
		var week = this.calendar.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var momenta = building ? MOMENTA.subList(5, MOMENTA.size()) : MOMENTA.subList(0, 5);
		var earlier = new BigDecimal(40 + 5 * random.nextInt(4));
		var latest = earlier.add(new BigDecimal(momenta.get(random.nextInt(momenta.size()))));
		return switch (odd ? random.nextInt(3) : -1) {
			case 0 -> List.of(new Score(partner, week.minusWeeks(1), latest),
					new Score(partner, week.minusWeeks(9), earlier));
			case 1 -> List.of(new Score(partner, week, null), new Score(partner, week.minusWeeks(2), latest),
					new Score(partner, week.minusWeeks(10), earlier));
			case 2 -> List.of(new Score(partner, week, latest));
			default -> List.of(new Score(partner, week, latest), new Score(partner, week.minusWeeks(8), earlier));
		};
	}

	/** A behaviour score of a partner's week (null: unknown, "not enough data"). */
	private record Score(long partner, LocalDate week, BigDecimal score) {
	}

	/**
	 * The partners' behaviour scores replaced by {@code scores}: one statement deletes
	 * theirs and one inserts the new rows (as a statement per partner and row did before:
	 * the same rows in the end, with fewer trips and trigger runs).
	 */
	private void write(List<Long> partners, List<Score> scores) {
		this.jdbc.sql("DELETE FROM partner_score_week WHERE partner_id IN (:ids) AND pillar = 'BEHAVIOUR'")
			.param("ids", partners)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, unknown_reason,
					                                computed_at)
					SELECT s.partner, CAST(s.week AS DATE), 'FY-W', CAST(s.week AS DATE), 'BEHAVIOUR', CAST(s.score AS NUMERIC),
					       CASE WHEN s.score IS NULL THEN 'not enough data' END, now()
					FROM unnest(CAST(:partners AS BIGINT[]), CAST(:weeks AS TEXT[]), CAST(:scores AS TEXT[]))
					     AS s (partner, week, score)
					""")
			.param("partners", scores.stream().map(Score::partner).toArray(Long[]::new))
			.param("weeks", scores.stream().map(score -> score.week().toString()).toArray(String[]::new))
			.param("scores",
					scores.stream()
						.map(score -> score.score() == null ? null : score.score().toPlainString())
						.toArray(String[]::new))
			.update();
	}

	private void rates(String pam, String hour) {
		this.jdbc
			.sql("""
					UPDATE roi_cost_rate SET pam_cost_per_partner = :pam, pam_currency = 'USD', enablement_hour_cost = :hour,
					    enablement_currency = 'USD'
					""")
			.param("pam", new BigDecimal(pam))
			.param("hour", new BigDecimal(hour))
			.update();
	}

	private void assertAsOverEveryPartner(String when, FiscalQuarter... quarters) {
		var zone = this.calendar.zone();
		var now = this.clock.instant();
		var today = this.calendar.today();
		var program = new RoiScope(null, null, null);
		var compared = new HashMap<FiscalQuarter, List<String>>();
		for (var quarter : quarters) {
			var again = compared.get(quarter);
			if (again != null) {
				// the same quarter twice in a step: same statements, same rows, same
				// pages; counted again as before, not read again
				again.forEach(key -> this.seen.merge(key, 1, Integer::sum));
				continue;
			}
			var keys = new ArrayList<String>();
			compared.put(quarter, keys);
			var end = quarter.end().atStartOfDay(zone).toInstant();
			LocalDate lastDay = quarter.end().isAfter(today) ? today : quarter.end().minusDays(1);
			var until = end.isAfter(now) ? now : end;
			var window = new RoiPageRepository.Window(program, quarter, quarter.start().atStartOfDay(zone).toInstant(),
					end, lastDay, until);
			for (int[] sizes : SIZES) {
				var kept = this.pages.page(RoiPageSqlKept.PAGE, window, until, lastDay, sizes[0], sizes[1]);
				assertThat(this.pages.page(window, until, lastDay, sizes[0], sizes[1]))
					.as("program page " + quarter.label() + " " + sizes[0] + "/" + sizes[1] + " " + when)
					.isEqualTo(kept);
				keys.addAll(count(window, lastDay, sizes, kept.reinvest()));
			}
		}
	}

	/**
	 * The way the candidates were read, and the cases in the list compared: counted in
	 * {@link #seen}, and returned.
	 */
	private List<String> count(RoiPageRepository.Window window, LocalDate asOf, int[] sizes,
			List<RoiPageRepository.Candidate> list) {
		var keys = new ArrayList<String>();
		var way = window.bind(this.jdbc.sql(RoiProgramPageSql.REINVEST_PATH))
			.param("listed", sizes[0])
			.param("asOf", Date.valueOf(asOf))
			.param("days", 7 * VelocityRepository.MOMENTUM_WEEKS)
			.param("building", VelocityRule.BUILDING)
			.param("stalling", VelocityRule.STALLING)
			.param("reinvested", sizes[1])
			.query((rs, n) -> rs.getInt("scored") < sizes[1] ? "fewer scored"
					: rs.getInt("building") < sizes[1] ? "fewer building" : "enough building")
			.single();
		keys.add(way);
		VelocityRule.Velocity before = null;
		RoiPageRepository.Candidate previous = null;
		for (var candidate : list) {
			var velocity = candidate.momentum() == null ? null
					: VelocityRule.of(candidate.momentum(), candidate.cost());
			if (velocity != null && candidate.momentum().compareTo(VelocityRule.BUILDING) >= 0) {
				keys.add(candidate.cost().signum() > 0 ? "building at a cost" : "building at cost 0");
			}
			if (previous != null && velocity != null && previous.momentum() != null) {
				if (candidate.momentum().compareTo(previous.momentum()) == 0) {
					keys.add("same momentum");
				}
				if (velocity.perThousand() != null && before.perThousand() != null
						&& velocity.perThousand().compareTo(before.perThousand()) == 0) {
					keys.add("same points per 1,000");
				}
			}
			before = velocity;
			previous = candidate;
		}
		keys.forEach(key -> this.seen.merge(key, 1, Integer::sum));
		return keys;
	}

}
