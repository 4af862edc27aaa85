package com.trellis.scoring;

import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.PageRequest;
import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The book of scores' two lists one page at a time, counted and paged in SQL (issue 15):
 * the drift alerts in force and the stored high-potential list, for the whole program
 * ({@code partners} null) or a PAM's book (its partner ids bound as one array). Rows come
 * unnamed; the caller names the page's partners only.
 */
@Repository
class IntelligencePages {

	/**
	 * An alert {@code a} in force: its partner's drift state for its score is still the
	 * alert's, and no later alert of that state was raised (of two at the same moment,
	 * the later week's) — the one {@link IntelligenceStore#currentAlerts} picks per
	 * partner and score.
	 */
	private static final String IN_FORCE = """
			EXISTS (SELECT 1 FROM score_drift d
			        WHERE d.partner_id = a.partner_id AND d.pillar = a.pillar AND d.state = a.state)
			AND NOT EXISTS (SELECT 1 FROM score_drift_alert l
			                WHERE l.partner_id = a.partner_id AND l.pillar = a.pillar AND l.state = a.state
			                  AND (l.raised_at, l.week_start) > (a.raised_at, a.week_start))
			""";

	/**
	 * The order of the drift list: stalling before building (text order, the only two
	 * states an alert has), the steepest slope first, then partner id and score (by
	 * name). The program's page walks {@code score_drift_alert_order_idx} (V283) in it.
	 */
	private static final String DRIFT_ORDER = "a.state DESC, abs(a.slope) DESC, a.partner_id, a.pillar";

	private static final String ALERT_COLUMNS = "a.partner_id, a.pillar, a.state, a.slope, a.week_start, a.reason, a.signals, a.raised_at";

	static final String PROGRAM_DRIFT_PAGE = "SELECT " + ALERT_COLUMNS + " FROM score_drift_alert a WHERE " + IN_FORCE
			+ " ORDER BY " + DRIFT_ORDER + " LIMIT :size OFFSET :offset";

	/** A book's: its partners' alerts by index, sorted (a book is small). */
	static final String BOOK_DRIFT_PAGE = "SELECT " + ALERT_COLUMNS
			+ " FROM unnest(CAST(:partners AS BIGINT[])) AS b (partner_id)"
			+ " JOIN score_drift_alert a ON a.partner_id = b.partner_id WHERE " + IN_FORCE + " ORDER BY " + DRIFT_ORDER
			+ " LIMIT :size OFFSET :offset";

	/**
	 * The alerts in force counted from the drifts: each building or stalling drift with
	 * an alert of its state has exactly one in force (index-only: V275's partial index
	 * and {@code score_drift_alert_state_idx}).
	 */
	static final String PROGRAM_DRIFT_COUNT = """
			SELECT count(*) FROM score_drift d
			WHERE d.state IN ('BUILDING', 'STALLING')
			  AND EXISTS (SELECT 1 FROM score_drift_alert a
			              WHERE a.partner_id = d.partner_id AND a.pillar = d.pillar AND a.state = d.state)
			""";

	static final String BOOK_DRIFT_COUNT = """
			SELECT count(*) FROM unnest(CAST(:partners AS BIGINT[])) AS b (partner_id)
			JOIN score_drift d ON d.partner_id = b.partner_id
			WHERE d.state IN ('BUILDING', 'STALLING')
			  AND EXISTS (SELECT 1 FROM score_drift_alert a
			              WHERE a.partner_id = d.partner_id AND a.pillar = d.pillar AND a.state = d.state)
			""";

	private static final String LINE_COLUMNS = "h.partner_id, h.readiness, h.behaviour, h.trust, h.pipeline_180_days, h.reason, h.evidence";

	/**
	 * The stored list's order, served by {@code high_potential_line_order_idx} (V282).
	 */
	private static final String POTENTIAL_ORDER = " ORDER BY h.behaviour DESC, h.partner_id LIMIT :size OFFSET :offset";

	static final String PROGRAM_POTENTIAL_PAGE = "SELECT " + LINE_COLUMNS + " FROM high_potential_line h"
			+ POTENTIAL_ORDER;

	static final String BOOK_POTENTIAL_PAGE = "SELECT " + LINE_COLUMNS
			+ " FROM unnest(CAST(:partners AS BIGINT[])) AS b (partner_id)"
			+ " JOIN high_potential_line h ON h.partner_id = b.partner_id" + POTENTIAL_ORDER;

	private final JdbcClient jdbc;

	IntelligencePages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of the alerts in force, in the drift list's order. */
	List<IntelligenceStore.Alert> driftPage(List<Long> partners, PageRequest request) {
		if (partners != null && partners.isEmpty()) {
			return List.of();
		}
		return scoped(partners == null ? PROGRAM_DRIFT_PAGE : BOOK_DRIFT_PAGE, partners).param("size", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new IntelligenceStore.Alert(rs.getLong(1), Pillar.valueOf(rs.getString(2)),
					rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** How many alerts are in force. */
	long driftCount(List<Long> partners) {
		if (partners != null && partners.isEmpty()) {
			return 0;
		}
		return scoped(partners == null ? PROGRAM_DRIFT_COUNT : BOOK_DRIFT_COUNT, partners).query(Long.class).single();
	}

	/** A page of the stored high-potential list, unnamed, best behaviour first. */
	List<HighPotentialLine> potentialPage(List<Long> partners, PageRequest request) {
		if (partners != null && partners.isEmpty()) {
			return List.of();
		}
		return scoped(partners == null ? PROGRAM_POTENTIAL_PAGE : BOOK_POTENTIAL_PAGE, partners)
			.param("size", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new HighPotentialLine(rs.getLong(1), null, rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** How many lines the stored high-potential list has. */
	long potentialCount(List<Long> partners) {
		if (partners != null && partners.isEmpty()) {
			return 0;
		}
		return partners == null ? this.jdbc.sql("SELECT count(*) FROM high_potential_line").query(Long.class).single()
				: this.jdbc.sql("""
						SELECT count(*) FROM unnest(CAST(:partners AS BIGINT[])) AS b (partner_id)
						JOIN high_potential_line h ON h.partner_id = b.partner_id
						""").param("partners", SqlIds.array(partners)).query(Long.class).single();
	}

	/**
	 * Replaces the stored high-potential list with the program's lines (the daily job, in
	 * its transaction), in one statement.
	 */
	void replacePotential(List<HighPotentialLine> lines) {
		this.jdbc.sql("DELETE FROM high_potential_line").update();
		if (lines.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO high_potential_line (partner_id, readiness, behaviour, trust, pipeline_180_days, reason,
					                                 evidence)
					SELECT * FROM unnest(CAST(:partners AS BIGINT[]), CAST(CAST(:readiness AS TEXT[]) AS NUMERIC[]),
					                     CAST(CAST(:behaviour AS TEXT[]) AS NUMERIC[]), CAST(CAST(:trust AS TEXT[]) AS NUMERIC[]),
					                     CAST(CAST(:pipeline AS TEXT[]) AS NUMERIC[]), CAST(:reasons AS TEXT[]), CAST(:evidence AS TEXT[]))
					""")
			.param("partners", lines.stream().map(HighPotentialLine::partnerId).toArray(Long[]::new))
			.param("readiness", decimals(lines, HighPotentialLine::readiness))
			.param("behaviour", decimals(lines, HighPotentialLine::behaviour))
			.param("trust", decimals(lines, HighPotentialLine::trust))
			.param("pipeline", decimals(lines, HighPotentialLine::pipeline180Days))
			.param("reasons", lines.stream().map(HighPotentialLine::reason).toArray(String[]::new))
			.param("evidence", lines.stream().map(HighPotentialLine::evidence).toArray(String[]::new))
			.update();
	}

	/** Decimals bound as text (exact), null kept. */
	private static String[] decimals(List<HighPotentialLine> lines,
			java.util.function.Function<HighPotentialLine, java.math.BigDecimal> figure) {
		return lines.stream().map(figure).map(d -> d == null ? null : d.toPlainString()).toArray(String[]::new);
	}

	private JdbcClient.StatementSpec scoped(String sql, List<Long> partners) {
		var statement = this.jdbc.sql(sql);
		return partners == null ? statement : statement.param("partners", SqlIds.array(partners));
	}

}
