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
	 * The order of the drift list: stalling before building (text order, the only two
	 * states an alert has), the steepest slope first (its absolute value,
	 * {@code steepness}), then partner id and score (by name); the order of
	 * {@code score_drift_in_force_order_idx} (V283).
	 */
	private static final String DRIFT_ORDER = " ORDER BY f.state DESC, f.steepness DESC, f.partner_id, f.pillar";

	/**
	 * A page of the alerts in force ({@code score_drift_in_force}, V283: each partner and
	 * score's alert that {@link IntelligenceStore#currentAlerts} picks, kept by triggers)
	 * from {@code %s}, read with their alerts; {@code %d} the page's size and offset
	 * (whole numbers checked by {@link PageRequest}, written into the statement so that
	 * its plan knows them).
	 */
	private static final String DRIFT_PAGE = """
			SELECT a.partner_id, a.pillar, a.state, a.slope, a.week_start, a.reason, a.signals, a.raised_at
			FROM (SELECT f.alert_id, f.state, f.steepness, f.partner_id, f.pillar FROM %s%s LIMIT %d OFFSET %d) f
			JOIN score_drift_alert a ON a.id = f.alert_id
			""";

	/** The program's alerts in force: the first rows of the order's index. */
	static final String PROGRAM_DRIFT = "score_drift_in_force f";

	/**
	 * A book's: its partners' rows joined by partner id, then sorted (a book is small).
	 */
	static final String BOOK_DRIFT = "unnest(CAST(:partners AS BIGINT[])) AS b (partner_id)"
			+ " JOIN score_drift_in_force f ON f.partner_id = b.partner_id";

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
		return scoped(driftPageSql(partners == null ? PROGRAM_DRIFT : BOOK_DRIFT, request), partners)
			.query((rs, n) -> new IntelligenceStore.Alert(rs.getLong(1), Pillar.valueOf(rs.getString(2)),
					rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** The statement of a page of the alerts in force from {@code from}. */
	static String driftPageSql(String from, PageRequest request) {
		return DRIFT_PAGE.formatted(from, DRIFT_ORDER, request.size(), request.offset()) + DRIFT_ORDER;
	}

	/** How many alerts are in force. */
	long driftCount(List<Long> partners) {
		if (partners != null && partners.isEmpty()) {
			return 0;
		}
		return scoped("SELECT count(*) FROM " + (partners == null ? PROGRAM_DRIFT : BOOK_DRIFT), partners)
			.query(Long.class)
			.single();
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
