package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's outcomes as other modules read them: its won deals, the won revenue per
 * partner in a window, its wins and losses since a moment and its first deal and win. Not
 * scoped to a viewer: the callers (tiers, scoring, activation, incentives) decide who
 * sees the result. Split from {@link OpportunityRepository}.
 */
@Repository
@Transactional(readOnly = true)
public class PartnerOutcomes {

	private final JdbcClient jdbc;

	PartnerOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The partner's closed-won deals, oldest close first (incentive rules, activation).
	 */
	public List<OpportunityView> wonDeals(long partnerId) {
		return this.jdbc.sql("SELECT " + OpportunityRows.COLUMNS + """
				 FROM opportunity WHERE partner_id = :partner AND stage = 'CLOSED_WON' ORDER BY closed_at, id
				""").param("partner", partnerId).query(OpportunityRows::view).list();
	}

	/** Those of some deals that are closed won, whoever's they are (readiness proofs). */
	public List<OpportunityView> wonDeals(java.util.Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + OpportunityRows.COLUMNS + """
				 FROM opportunity WHERE id = ANY (CAST(:ids AS BIGINT[])) AND stage = 'CLOSED_WON'
				""").param("ids", com.trellis.shared.SqlIds.array(ids)).query(OpportunityRows::view).list();
	}

	/**
	 * Closed-won partner deals closed in [from, to), one line per deal in its own
	 * currency, so that a caller converts each before it adds them up.
	 */
	public List<PartnerRevenue> wonRevenue(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT partner_id, currency, amount, id FROM opportunity
				WHERE partner_id IS NOT NULL AND stage = 'CLOSED_WON' AND closed_at >= :from AND closed_at < :to
				ORDER BY partner_id, id
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new PartnerRevenue(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	/** Deals of the partner closed since a moment: {won, lost}. */
	public long[] closedSince(long partnerId, Instant since) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE stage = 'CLOSED_WON'), count(*) FILTER (WHERE stage = 'CLOSED_LOST')
				FROM opportunity WHERE partner_id = :partner AND closed_at >= :since
				""")
			.param("partner", partnerId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/**
	 * When a partner first appeared on a deal and first won one, on or after a moment
	 * (its onboarding); for activation. Null when it has not yet.
	 */
	public PartnerFirsts firsts(long partnerId, Instant since) {
		return this.jdbc.sql("""
				SELECT min(created_at) FILTER (WHERE created_at >= :since) AS first_deal,
				       min(closed_at) FILTER (WHERE stage = 'CLOSED_WON' AND closed_at >= :since) AS first_win
				FROM opportunity WHERE partner_id = :partner
				""").param("partner", partnerId).param("since", Timestamp.from(since)).query((rs, n) -> {
			var deal = rs.getTimestamp("first_deal");
			var win = rs.getTimestamp("first_win");
			return new PartnerFirsts(deal == null ? null : deal.toInstant(), win == null ? null : win.toInstant());
		}).single();
	}

}
