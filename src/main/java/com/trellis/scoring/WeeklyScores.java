package com.trellis.scoring;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored weekly scores for modules that act on them (tiers): which weeks are stored
 * and every partner's three scores in one week. No viewer: callers are jobs, or check
 * access to the partner first.
 */
@Service
public class WeeklyScores {

	private final JdbcClient jdbc;

	WeeklyScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first days of the stored fiscal weeks before a day, oldest first. */
	@Transactional(readOnly = true)
	public List<LocalDate> weeksBefore(LocalDate day) {
		return this.jdbc
			.sql("SELECT DISTINCT week_start FROM partner_score_week WHERE week_start < :day ORDER BY week_start")
			.param("day", Date.valueOf(day))
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
	}

	/** Every partner's scores in one stored week (null values: unknown that week). */
	@Transactional(readOnly = true)
	public Map<Long, WeekScores> week(LocalDate weekStart) {
		var result = new HashMap<Long, WeekScores>();
		this.jdbc.sql("""
				SELECT partner_id, week_start, fiscal_week,
				       max(score) FILTER (WHERE pillar = 'READINESS'), max(score) FILTER (WHERE pillar = 'BEHAVIOUR'),
				       max(score) FILTER (WHERE pillar = 'TRUST')
				FROM partner_score_week WHERE week_start = :week
				GROUP BY partner_id, week_start, fiscal_week
				""")
			.param("week", Date.valueOf(weekStart))
			.query((rs, n) -> result.put(rs.getLong(1),
					new WeekScores(rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBigDecimal(4),
							rs.getBigDecimal(5), rs.getBigDecimal(6))))
			.list();
		return result;
	}

	/** A partner's latest stored week, or null when it was never scored. */
	@Transactional(readOnly = true)
	public WeekScores latest(long partnerId) {
		return this.jdbc.sql("""
				SELECT week_start, fiscal_week,
				       max(score) FILTER (WHERE pillar = 'READINESS'), max(score) FILTER (WHERE pillar = 'BEHAVIOUR'),
				       max(score) FILTER (WHERE pillar = 'TRUST')
				FROM partner_score_week
				WHERE partner_id = :partner AND week_start = (SELECT max(week_start) FROM partner_score_week
				                                              WHERE partner_id = :partner)
				GROUP BY week_start, fiscal_week
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new WeekScores(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.optional()
			.orElse(null);
	}

}
