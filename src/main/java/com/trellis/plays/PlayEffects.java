package com.trellis.plays;

import java.sql.Timestamp;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A play's effectiveness (§C17): the closed partner deals of the last
 * {@value #WINDOW_DAYS} days, read in reporting SQL from the deals and accounts tables,
 * judged by {@link PlayEffectiveness}. Vendor staff read it; it names no deal or partner.
 */
@Service
class PlayEffects {

	static final int WINDOW_DAYS = 365;

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final PlayRepository plays;

	PlayEffects(JdbcClient jdbc, BusinessCalendar calendar, PlayRepository plays) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.plays = plays;
	}

	@Transactional(readOnly = true)
	PlayEffectiveness.Result of(long playId) {
		if (this.plays.current(playId).isEmpty()) {
			throw new NotFoundException("Play", playId);
		}
		var now = this.calendar.now();
		var groups = this.jdbc
			.sql("""
					SELECT u.opportunity_id IS NOT NULL AS used, a.employee_band, o.stage = 'CLOSED_WON' AS won, o.currency,
					       count(*),
					       sum(CAST(o.closed_at AT TIME ZONE :zone AS DATE) - CAST(o.created_at AT TIME ZONE :zone AS DATE)),
					       sum(o.amount)
					FROM opportunity o
					JOIN account a ON a.id = o.account_id
					LEFT JOIN (SELECT DISTINCT opportunity_id FROM play_use WHERE play_id = :play) u ON u.opportunity_id = o.id
					WHERE o.partner_id IS NOT NULL AND o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
					  AND o.closed_at >= :since AND o.closed_at < :until
					GROUP BY 1, 2, 3, 4
					""")
			.param("play", playId)
			.param("zone", this.calendar.zone().getId())
			.param("since", Timestamp.from(this.calendar.daysBefore(now, WINDOW_DAYS)))
			.param("until", Timestamp.from(now))
			.query((rs, n) -> new PlayEffectiveness.DealGroup(rs.getBoolean(1), rs.getString(2), rs.getBoolean(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)))
			.list();
		return new PlayEffectiveness().judge(groups);
	}

}
