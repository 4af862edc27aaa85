package com.trellis.adoption;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.trellis.shared.Reporting;
import com.trellis.shared.WholeMonths;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdoptionRepository {

	/** The prompts: written here and read back at once, so on the primary. */
	private final JdbcClient jdbc;

	/**
	 * The per-rep figures and the idle capable partners: read-only reporting, so the read
	 * replica when one is configured ({@link Reporting}).
	 */
	private final JdbcClient reporting;

	AdoptionRepository(JdbcClient jdbc, @Reporting JdbcClient reporting) {
		this.jdbc = jdbc;
		this.reporting = reporting;
	}

	/**
	 * Per rep over the business days [fromDate, untilDate) (starting at the moments
	 * {@code from} and {@code to}): deals created, with a partner, prompted; win rates
	 * and cycle days with and without partners, as the counts behind them
	 * ({@link ClosedCounts}), and the rep's team. Counts, win rates and cycles read the
	 * rep facts of module facts: the period's whole calendar months from the monthly sums
	 * ({@code rep_month_fact}, V119) and the days of its partial months from
	 * {@code rep_day_fact}, the same sums as the days alone; the prompted deals (with a
	 * partner and at least one prompt) from those kept by owner and creation moment
	 * ({@code adoption_prompted_deal}, V314; s64: V313's lookup of each of the period's
	 * 20,211 prompted deals in the deals' heap took 1.0-1.9 s a page on the large data).
	 * The reps are bound as one array (a list of 400 reps bound one parameter each, three
	 * times, took the planner about 200 ms). The whole months are one range of
	 * {@code rep_month_fact_month_idx} (V145, index only); the days before and after them
	 * are read only when there are such days.
	 */
	List<RepAdoption> byRep(Collection<Long> reps, Instant from, Instant to, java.time.LocalDate fromDate,
			java.time.LocalDate untilDate) {
		if (reps.isEmpty()) {
			return List.of();
		}
		// only the non-empty parts are read: the whole months, then the days before and
		// after them (the days were read over the whole period and filtered, and an
		// empty part still probed each rep)
		var facts = WholeMonths.union(fromDate, untilDate, """
				SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
				FROM rep_month_fact WHERE month >= :wholeFrom AND month < :wholeUntil AND owner_id = ANY (:reps)
				""", """
				SELECT owner_id, partner_involved, created_count, won_count, lost_count, won_cycle_days
				FROM rep_day_fact WHERE owner_id = ANY (:reps) AND day >= :dayFrom AND day < :dayUntil
				""");
		return this.reporting.sql("WITH facts AS (" + facts.sql() + "),\n" + """
				f AS (
				  SELECT owner_id,
				         sum(created_count) AS deals,
				         sum(created_count) FILTER (WHERE partner_involved) AS partner_deals,
				         sum(won_count) FILTER (WHERE partner_involved) AS won_with,
				         sum(won_count + lost_count) FILTER (WHERE partner_involved) AS closed_with,
				         sum(won_count) FILTER (WHERE NOT partner_involved) AS won_without,
				         sum(won_count + lost_count) FILTER (WHERE NOT partner_involved) AS closed_without,
				         sum(won_cycle_days) FILTER (WHERE partner_involved) AS days_with,
				         sum(won_cycle_days) FILTER (WHERE NOT partner_involved) AS days_without
				  FROM facts GROUP BY owner_id),
				prompted AS (
				  SELECT owner_id, count(*) AS deals FROM adoption_prompted_deal
				  WHERE owner_id = ANY (:reps) AND created_at >= :from AND created_at < :to
				  GROUP BY owner_id)
				SELECT u.id, u.display_name, u.team, COALESCE(f.deals, 0), COALESCE(f.partner_deals, 0),
				  COALESCE(f.partner_deals, 0) - COALESCE(pr.deals, 0), COALESCE(pr.deals, 0),
				  (SELECT count(*) FROM deal_registration r WHERE r.registered_by = u.id AND r.submitted_at >= :from
				     AND r.submitted_at < :to) AS registrations,
				  COALESCE(f.won_with, 0), COALESCE(f.closed_with, 0), COALESCE(f.days_with, 0),
				  COALESCE(f.won_without, 0), COALESCE(f.closed_without, 0), COALESCE(f.days_without, 0)
				FROM app_user u LEFT JOIN f ON f.owner_id = u.id LEFT JOIN prompted pr ON pr.owner_id = u.id
				WHERE u.id = ANY (:reps) ORDER BY u.display_name
				""")
			.params(facts.parameters())
			.param("reps", reps.toArray(Long[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new RepAdoption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
					new ClosedCounts(rs.getLong(9), rs.getLong(10), rs.getBigDecimal(11), rs.getLong(12),
							rs.getLong(13), rs.getBigDecimal(14)),
					null))
			.list();
	}

	/**
	 * The name of the partner with this id, if there is one (a prompt may suggest any
	 * partner).
	 */
	java.util.Optional<String> partnerName(long partnerId) {
		return this.jdbc.sql("SELECT name FROM partner WHERE id = ?").param(partnerId).query(String.class).optional();
	}

	/**
	 * Stores a prompt unless one is open for the same deal and rep (the unique index
	 * {@code partner_prompt_open_once_idx}, V171: two requests at once store one) or the
	 * deal has a partner or is closed, read under a share lock on the deal (a partner
	 * being put on it or its close is waited for and then seen: the prompt would have
	 * stayed open on a deal whose partner came first, or on a closed one); the new
	 * prompt's id, or empty ({@link #refusal} tells why).
	 */
	java.util.Optional<Long> prompt(long opportunityId, long managerId, long repId, Long partnerId, String note,
			Instant now) {
		return this.jdbc.sql("""
				INSERT INTO partner_prompt (opportunity_id, manager_id, rep_id, suggested_partner_id, note, prompted_at)
				SELECT o.id, :manager, :rep, :partner, :note, :now
				FROM (SELECT id, partner_id, stage FROM opportunity WHERE id = :deal FOR SHARE) o
				WHERE o.partner_id IS NULL AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ON CONFLICT (opportunity_id, rep_id) WHERE closed_at IS NULL DO NOTHING RETURNING id
				""")
			.param("deal", opportunityId)
			.param("manager", managerId)
			.param("rep", repId)
			.param("partner", partnerId)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Why the deal cannot be prompted now, if it cannot: it has a partner, or it is
	 * closed.
	 */
	java.util.Optional<String> refusal(long opportunityId) {
		return this.jdbc.sql("""
				SELECT CASE WHEN partner_id IS NOT NULL THEN 'the deal already has a partner'
				            WHEN stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN 'the deal is closed' END
				FROM opportunity WHERE id = ?""").param(opportunityId).query(String.class).optional();
	}

	/** When the open prompt for this deal and rep was made, if one is open. */
	java.util.Optional<Instant> openPromptAt(long opportunityId, long repId) {
		return this.jdbc
			.sql("SELECT prompted_at FROM partner_prompt WHERE opportunity_id = ? AND rep_id = ? AND closed_at IS NULL")
			.params(opportunityId, repId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** The deals among {@code opportunityIds} a manager prompted on. */
	java.util.Set<Long> prompted(Collection<Long> opportunityIds) {
		if (opportunityIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(
				this.jdbc.sql("SELECT DISTINCT opportunity_id FROM partner_prompt WHERE opportunity_id = ANY (:deals)")
					.param("deals", opportunityIds.toArray(Long[]::new))
					.query(Long.class)
					.list());
	}

	/**
	 * Capable partners (active, tier 1 or 2) and how many of them had no new deal since
	 * {@code since} (90 business-zone days before now, computed by the caller): those
	 * whose newest deal, kept per partner ({@code adoption_partner_last_deal}, V182), was
	 * created before then, or who have none; one join of the capable partners to the kept
	 * moments (it probed each capable partner's deals since then: 12,242 probes on the
	 * large dataset), the capable partners' ids read from their partial index alone
	 * ({@code partner_capable_id_idx}, V199).
	 */
	long[] idleCapable(Instant since) {
		return this.reporting.sql(IDLE_CAPABLE)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * The capable partners and the idle ones among them, as of {@code :since}; its
	 * partner condition is {@code partner_capable_id_idx}'s predicate (V199).
	 */
	static final String IDLE_CAPABLE = """
			SELECT count(*), count(*) FILTER (WHERE l.created_at IS NULL OR l.created_at < :since)
			FROM partner p LEFT JOIN adoption_partner_last_deal l ON l.partner_id = p.id
			WHERE p.lifecycle_status = 'ACTIVE' AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING')
			""";

}
