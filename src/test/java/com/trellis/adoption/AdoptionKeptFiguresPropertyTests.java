package com.trellis.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.facts.DealFacts;
import com.trellis.metrics.ExchangeRates;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the adoption page's kept figures (V118, V119): after
 * random sequences of deal changes ({@link RandomDealChanges}: registrations, stage
 * moves, closes, reopens, credit changes, partner attachments, hand-overs, rate changes)
 * interleaved with accounts changing industry and deals moving between accounts, the wins
 * per industry and partner equal a recomputation from the deals, the rep month facts
 * equal the day facts summed per month, both again after the facts rebuild; and the
 * page's new statements give what the statements they replaced give (the could-help
 * ranking, the per-rep figures over whole, partial and single-day periods).
 */
@TrellisTest
class AdoptionKeptFiguresPropertyTests {

	private static final long SEED = 20261201L;

	private static final List<String> INDUSTRIES = List.of("Retail", "Energy", "Media");

	@Autowired
	AdoptionRepository adoption;

	@Autowired
	CouldHelp couldHelp;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keptFiguresEqualARecomputationAndTheNewStatementsTheOldOnes() {
		var random = new Random(SEED);
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		com.trellis.identity.Viewer admin = null;
		for (int round = 0; round < 2; round++) {
			admin = changes.run(SEED + round, 90);
			// the sequence's partners could help in some industries; its accounts change
			// industry and deals move between accounts
			this.jdbc.sql("""
					UPDATE partner SET verticals = :verticals
					WHERE name LIKE 'Random Partner %' AND id % 2 = :parity
					""").param("verticals", new String[] { "Retail", "Energy" }).param("parity", round % 2).update();
			var accounts = this.jdbc.sql("SELECT id FROM account WHERE name LIKE 'Random Customer %' ORDER BY id")
				.query(Long.class)
				.list();
			for (long account : accounts) {
				this.jdbc.sql("UPDATE account SET industry = :industry WHERE id = :id")
					.param("industry",
							random.nextInt(4) == 0 ? null : INDUSTRIES.get(random.nextInt(INDUSTRIES.size())))
					.param("id", account)
					.update();
			}
			this.jdbc.sql("""
					UPDATE opportunity SET account_id = :account
					WHERE id IN (SELECT o.id FROM opportunity o JOIN account a ON a.id = o.account_id
					             WHERE a.name LIKE 'Random Customer %' AND o.id % 5 = :slot)
					""").param("account", accounts.get(random.nextInt(accounts.size()))).param("slot", round).update();
			assertKeptEqualRecomputed("after round " + round);
			assertNewStatementsGiveTheOldFigures();
		}
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_industry_win").query(Long.class).single())
			.as("some wins are kept")
			.isPositive();
		this.facts.rebuild(admin);
		assertKeptEqualRecomputed("after the rebuild");
		assertNewStatementsGiveTheOldFigures();
	}

	private void assertKeptEqualRecomputed(String when) {
		assertThat(rows("SELECT industry, partner_id, wins FROM partner_industry_win ORDER BY 1, 2")).as("wins " + when)
			.containsExactlyElementsOf(rows("""
					SELECT a.industry, o.partner_id, count(*) FROM opportunity o JOIN account a ON a.id = o.account_id
					WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND a.industry IS NOT NULL
					GROUP BY 1, 2 ORDER BY 1, 2
					"""));
		assertThat(rows("""
				SELECT month, owner_id, partner_involved, currency, created_count, won_count, lost_count, won_cycle_days
				FROM rep_month_fact ORDER BY 2, 1, 3, 4
				""")).as("rep months " + when)
			.containsExactlyElementsOf(
					rows("""
							SELECT CAST(date_trunc('month', day) AS DATE), owner_id, partner_involved, currency, CAST(sum(created_count) AS BIGINT),
							       CAST(sum(won_count) AS BIGINT), CAST(sum(lost_count) AS BIGINT), sum(won_cycle_days)
							FROM rep_day_fact GROUP BY 1, 2, 3, 4
							HAVING sum(created_count) <> 0 OR sum(won_count) <> 0 OR sum(lost_count) <> 0 OR sum(won_cycle_days) <> 0
							ORDER BY 2, 1, 3, 4
							"""));
	}

	private void assertNewStatementsGiveTheOldFigures() {
		// every industry at once (the review's one statement, with an industry nobody
		// works in and a missing one) and each alone give the old statement's ranking
		var asked = new ArrayList<String>(INDUSTRIES);
		asked.add("Nobody's Industry");
		asked.add(null);
		for (int limit : new int[] { 1, 3, 10, 1000 }) {
			var together = this.couldHelp.byIndustry(asked, limit);
			assertThat(together).as("industries asked, " + limit).containsOnlyKeys(asked.subList(0, 4));
			for (var industry : asked.subList(0, 4)) {
				var old = names(oldCandidates(industry, limit));
				assertThat(names(together.get(industry))).as(industry + ", " + limit + ", together")
					.containsExactlyElementsOf(old);
				assertThat(names(this.couldHelp.of(industry, limit))).as(industry + ", " + limit)
					.containsExactlyElementsOf(old);
			}
		}
		assertThat(this.couldHelp.of(null, 3)).isEmpty();
		var reps = this.jdbc.sql("SELECT DISTINCT owner_id FROM rep_day_fact ORDER BY 1").query(Long.class).list();
		var first = this.jdbc.sql("SELECT min(day) FROM rep_day_fact").query(LocalDate.class).single();
		var last = this.jdbc.sql("SELECT max(day) FROM rep_day_fact").query(LocalDate.class).single();
		var periods = new ArrayList<LocalDate[]>();
		periods.add(new LocalDate[] { first.withDayOfMonth(1), last.withDayOfMonth(1).plusMonths(1) });
		periods.add(new LocalDate[] { first.plusDays(3), last.minusDays(2) });
		periods.add(new LocalDate[] { first.plusDays(20), first.plusDays(21) });
		periods.add(new LocalDate[] { first.withDayOfMonth(1).plusMonths(1), last.plusDays(1) });
		periods.add(new LocalDate[] { first.plusDays(1), first.withDayOfMonth(1).plusMonths(2) });
		// partial months on both sides of whole months, and a period inside one month
		periods.add(new LocalDate[] { first.plusDays(2), last.withDayOfMonth(1).plusDays(3) });
		periods.add(new LocalDate[] { last.withDayOfMonth(1), last.withDayOfMonth(1).plusDays(9) });
		var zone = java.time.ZoneId.of(this.jdbc.sql("SELECT zone FROM fact_setting").query(String.class).single());
		for (var period : periods) {
			var from = period[0].atStartOfDay(zone).toInstant();
			var to = period[1].atStartOfDay(zone).toInstant();
			var byId = java.util.Comparator.<List<Object>>comparingLong(r -> (Long) r.get(0));
			assertThat(this.adoption.byRep(reps, from, to, period[0], period[1])
				.stream()
				.map(AdoptionKeptFiguresPropertyTests::shown)
				.sorted(byId)
				.toList()).as("per rep from " + period[0] + " until " + period[1])
				.containsExactlyElementsOf(
						oldByRep(reps, from, to, period[0], period[1]).stream().sorted(byId).toList());
		}
	}

	private static List<String> names(List<Map<String, Object>> candidates) {
		return candidates.stream().map(c -> c.get("name") + ":" + c.get("wins")).toList();
	}

	/**
	 * The could-help ranking as it was read before V118: every deal of every partner (the
	 * review's one statement, {@link CouldHelp#byIndustry}, gives the same).
	 */
	private List<Map<String, Object>> oldCandidates(String industry, int limit) {
		return this.jdbc.sql("""
				SELECT p.id, p.name, count(o.id) FILTER (WHERE o.stage = 'CLOSED_WON' AND a.id IS NOT NULL) AS wins
				FROM partner p
				LEFT JOIN opportunity o ON o.partner_id = p.id
				LEFT JOIN account a ON a.id = o.account_id AND a.industry = :industry
				WHERE p.lifecycle_status = 'ACTIVE' AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING')
				  AND :industry = ANY (p.verticals)
				GROUP BY p.id, p.name ORDER BY wins DESC, p.name LIMIT :limit
				""")
			.param("industry", industry)
			.param("limit", limit)
			.query((rs, n) -> Map.<String, Object>of("partnerId", rs.getLong(1), "name", rs.getString(2), "wins",
					rs.getLong(3)))
			.list();
	}

	/**
	 * A rep's figures as {@link #oldByRep} reads them: id, name, counts, then the win
	 * rates and cycle days (computed in Java from the closed counts since session 61).
	 */
	private static List<Object> shown(RepAdoption r) {
		return java.util.Arrays.asList(r.repId(), r.rep(), r.deals(), r.partnerDeals(), r.adopted(), r.compliant(),
				r.registrations(), r.winRateWithPartner(), r.winRateWithout(), r.cycleDaysWithPartner(),
				r.cycleDaysWithout());
	}

	/**
	 * The per-rep figures as they were read before V119: every day of the period, the
	 * rates and cycle days divided by the database ({@link #shown}).
	 */
	private List<List<Object>> oldByRep(List<Long> reps, java.time.Instant from, java.time.Instant to,
			LocalDate fromDate, LocalDate untilDate) {
		return this.jdbc
			.sql("""
					WITH f AS (
					  SELECT owner_id,
					         sum(created_count) AS deals,
					         sum(created_count) FILTER (WHERE partner_involved) AS partner_deals,
					         sum(won_count) FILTER (WHERE partner_involved) AS won_with,
					         sum(won_count + lost_count) FILTER (WHERE partner_involved) AS closed_with,
					         sum(won_count) FILTER (WHERE NOT partner_involved) AS won_without,
					         sum(won_count + lost_count) FILTER (WHERE NOT partner_involved) AS closed_without,
					         sum(won_cycle_days) FILTER (WHERE partner_involved) AS days_with,
					         sum(won_cycle_days) FILTER (WHERE NOT partner_involved) AS days_without
					  FROM rep_day_fact WHERE owner_id IN (:reps) AND day >= :fromDate AND day < :untilDate
					  GROUP BY owner_id),
					prompted AS (
					  SELECT o.owner_id, count(DISTINCT o.id) AS deals FROM partner_prompt pp JOIN opportunity o ON o.id = pp.opportunity_id
					  WHERE o.owner_id IN (:reps) AND o.partner_id IS NOT NULL AND o.created_at >= :from AND o.created_at < :to
					  GROUP BY o.owner_id)
					SELECT u.id, u.display_name, COALESCE(f.deals, 0), COALESCE(f.partner_deals, 0),
					  COALESCE(f.partner_deals, 0) - COALESCE(pr.deals, 0), COALESCE(pr.deals, 0),
					  (SELECT count(*) FROM deal_registration r WHERE r.registered_by = u.id AND r.submitted_at >= :from
					     AND r.submitted_at < :to) AS registrations,
					  100.0 * f.won_with / NULLIF(f.closed_with, 0), 100.0 * f.won_without / NULLIF(f.closed_without, 0),
					  f.days_with / NULLIF(f.won_with, 0), f.days_without / NULLIF(f.won_without, 0)
					FROM app_user u LEFT JOIN f ON f.owner_id = u.id LEFT JOIN prompted pr ON pr.owner_id = u.id
					WHERE u.id IN (:reps) ORDER BY u.display_name, u.id
					""")
			.param("fromDate", java.sql.Date.valueOf(fromDate))
			.param("untilDate", java.sql.Date.valueOf(untilDate))
			.param("reps", reps)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, n) -> java.util.Arrays.<Object>asList(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), scale(rs.getBigDecimal(8)),
					scale(rs.getBigDecimal(9)), scale(rs.getBigDecimal(10)), scale(rs.getBigDecimal(11))))
			.list();
	}

	private static java.math.BigDecimal scale(java.math.BigDecimal value) {
		return value == null ? null : value.setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private List<List<Object>> rows(String sql) {
		return this.jdbc.sql(sql).query((rs, n) -> {
			var row = new ArrayList<Object>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				var value = rs.getObject(i);
				row.add(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : value);
			}
			return (List<Object>) row;
		}).list();
	}

}
