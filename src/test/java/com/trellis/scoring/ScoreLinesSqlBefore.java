package com.trellis.scoring;

import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The book's score lines as {@code ScoreStore.current} read them before V274 (main
 * {@code 6699c05}): every partner's rows of the latest stored week of
 * {@code partner_score_week} grouped per request, the week before looked up per shown
 * line by correlated sub-selects, the count grouping them again. The property tests
 * compare the kept lines' reads with it.
 */
final class ScoreLinesSqlBefore {

	private ScoreLinesSqlBefore() {
	}

	static ScoreStore.Lines current(JdbcClient jdbc, List<Long> partners, String sort, PageRequest page,
			LocalDate thisWeek) {
		if (partners != null && partners.isEmpty()) {
			return new ScoreStore.Lines(List.of(), 0);
		}
		var narrow = partners == null ? "" : " AND s.partner_id IN (:partners)";
		var from = """
				FROM partner_score_week s
				WHERE s.week_start = (SELECT max(week_start) FROM partner_score_week WHERE week_start <= :week)%s
				GROUP BY s.partner_id, s.fiscal_week
				""".formatted(narrow);
		var order = switch (sort) {
			case "readiness", "behaviour", "trust" -> sort + " DESC NULLS LAST, partner_id";
			default -> "partner_id";
		};
		var select = jdbc
			.sql("""
					WITH cur AS (
					  SELECT s.partner_id, s.fiscal_week,
					         max(s.score) FILTER (WHERE s.pillar = 'READINESS') AS readiness,
					         max(s.score) FILTER (WHERE s.pillar = 'BEHAVIOUR') AS behaviour,
					         max(s.score) FILTER (WHERE s.pillar = 'TRUST') AS trust,
					         CASE WHEN count(s.unknown_reason) = 3 AND count(DISTINCT s.unknown_reason) = 1
					              THEN min(s.unknown_reason)
					              ELSE string_agg(lower(s.pillar) || ': ' || s.unknown_reason, '; ' ORDER BY s.pillar) END
					           AS unknown_reason
					  %s)
					SELECT cur.*,
					       cur.readiness - (SELECT p.score FROM partner_score_week p WHERE p.partner_id = cur.partner_id
					         AND p.pillar = 'READINESS' AND p.week_start = (SELECT max(week_start) FROM partner_score_week
					         WHERE week_start < (SELECT max(week_start) FROM partner_score_week WHERE week_start <= :week))),
					       cur.behaviour - (SELECT p.score FROM partner_score_week p WHERE p.partner_id = cur.partner_id
					         AND p.pillar = 'BEHAVIOUR' AND p.week_start = (SELECT max(week_start) FROM partner_score_week
					         WHERE week_start < (SELECT max(week_start) FROM partner_score_week WHERE week_start <= :week))),
					       cur.trust - (SELECT p.score FROM partner_score_week p WHERE p.partner_id = cur.partner_id
					         AND p.pillar = 'TRUST' AND p.week_start = (SELECT max(week_start) FROM partner_score_week
					         WHERE week_start < (SELECT max(week_start) FROM partner_score_week WHERE week_start <= :week)))
					FROM cur ORDER BY %s LIMIT :limit OFFSET :offset
					"""
				.formatted(from, order));
		var count = jdbc.sql("SELECT count(*) FROM (SELECT s.partner_id " + from + ") AS lines");
		select.param("week", thisWeek);
		count.param("week", thisWeek);
		if (partners != null) {
			select.param("partners", partners);
			count.param("partners", partners);
		}
		var lines = select.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new ScoreLine(rs.getLong("partner_id"), null, rs.getString("fiscal_week"),
					rs.getBigDecimal("readiness"), rs.getBigDecimal(7), rs.getBigDecimal("behaviour"),
					rs.getBigDecimal(8), rs.getBigDecimal("trust"), rs.getBigDecimal(9),
					rs.getString("unknown_reason")))
			.list();
		return new ScoreStore.Lines(lines, count.query(Long.class).single());
	}

}
