package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest trust score of many partners at once (the partner-fit ranking), for vendor
 * staff who see every scorecard: each partner's score of its latest scored week up to
 * today, or the reason it is unknown. A partner never scored is absent.
 */
@Service
public class TrustScores {

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	TrustScores(JdbcClient jdbc, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	@Transactional(readOnly = true)
	public Map<Long, Trust> latest(Collection<Long> partnerIds) {
		var trust = new HashMap<Long, Trust>();
		if (partnerIds.isEmpty()) {
			return trust;
		}
		this.jdbc.sql("""
				SELECT DISTINCT ON (partner_id) partner_id, score, unknown_reason
				FROM partner_score_week
				WHERE partner_id = ANY (CAST(:partners AS BIGINT[])) AND pillar = 'TRUST' AND week_start <= :today
				ORDER BY partner_id, week_start DESC
				""")
			.param("partners", com.trellis.shared.SqlIds.array(partnerIds))
			.param("today", this.calendar.today())
			.query((rs, n) -> trust.put(rs.getLong(1), new Trust(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3))))
			.list();
		return trust;
	}

	/** A partner's trust score (null: unknown, with the reason). */
	public record Trust(long partnerId, BigDecimal score, String unknownReason) {
	}

}
