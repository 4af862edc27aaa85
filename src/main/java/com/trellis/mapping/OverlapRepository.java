package com.trellis.mapping;

import java.util.List;

import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overlap populations of one partner's current list with the vendor's accounts, by
 * SQL. Only automatic matches count. Our side of an account: an open opportunity (not
 * closed won or lost) comes first, else a won deal makes it our customer, else it is our
 * prospect; the cells are disjoint. Companies of the list that match no account are
 * greenfield, those with only a possible match wait for a person. An account matched by
 * several rows of the list (the company under two names, or with its web address) is one
 * overlap, in the cell of the partner's closest tie to it (customer before prospect, then
 * the first row): try11 found one account counted three times, its open pipeline tripled
 * in the PAM's list, and one listed both as the partner's customer and prospect.
 */
@Repository
class OverlapRepository {

	private static final String CLASSIFIED = """
			WITH theirs AS (
			    SELECT DISTINCT ON (CASE WHEN a.account_id IS NOT NULL AND a.match_confidence <> 'POSSIBLE'
			                        THEN a.account_id ELSE -a.row_number END)
			           a.row_number, a.company_name, a.status, a.match_confidence, a.account_id
			    FROM partner_account a JOIN partner_account_list l ON l.id = a.list_id AND l.current
			    WHERE l.partner_id = :partner AND a.partner_id = :partner
			    ORDER BY CASE WHEN a.account_id IS NOT NULL AND a.match_confidence <> 'POSSIBLE'
			             THEN a.account_id ELSE -a.row_number END, a.status = 'CUSTOMER' DESC, a.row_number)
			SELECT t.*, CASE
			    WHEN t.account_id IS NULL THEN 'GREENFIELD'
			    WHEN t.match_confidence = 'POSSIBLE' THEN 'POSSIBLE'
			    WHEN EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = t.account_id
			                 AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) THEN t.status || '_X_OPEN_OPPORTUNITY'
			    WHEN EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = t.account_id
			                 AND o.stage = 'CLOSED_WON') THEN t.status || '_X_CUSTOMER'
			    ELSE t.status || '_X_PROSPECT' END AS cell
			FROM theirs t
			""";

	private final JdbcClient jdbc;

	OverlapRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CellCount> counts(long partnerId) {
		return this.jdbc.sql("SELECT cell, count(*) FROM (" + CLASSIFIED + ") x GROUP BY cell ORDER BY cell")
			.param("partner", partnerId)
			.query((rs, n) -> new CellCount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/**
	 * The accounts of one cell (or of every matched cell: {@code ALL}) with their owner
	 * and open pipeline, largest pipeline first (not for greenfield), with the count of
	 * its open deals whose amount is unknown (V124; their stored 0 adds nothing to the
	 * sum).
	 */
	List<OverlapRecord> records(long partnerId, String cell) {
		var sql = """
				SELECT x.row_number, x.company_name, x.status, acc.id, acc.name, acc.owner_ae_id, u.display_name, u.email,
				       (SELECT coalesce(sum(%s), 0) FROM opportunity o
				        JOIN exchange_rate fx ON fx.currency = o.currency
				        WHERE o.account_id = acc.id AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) AS open_pipeline,
				       (SELECT count(*) FROM opportunity o WHERE o.account_id = acc.id AND o.amount_unknown
				          AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) AS amount_unknown
				FROM (%s) x JOIN account acc ON acc.id = x.account_id
				LEFT JOIN app_user u ON u.id = acc.owner_ae_id
				WHERE x.cell = :cell OR (:cell = 'ALL' AND x.cell NOT IN ('GREENFIELD', 'POSSIBLE'))
				ORDER BY open_pipeline DESC, acc.name, acc.id
				"""
			.formatted(ReportingCurrency.DEAL_AMOUNT, CLASSIFIED);
		return this.jdbc.sql(sql)
			.param("partner", partnerId)
			.param("cell", cell)
			.query((rs, n) -> new OverlapRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
					ReportingCurrency.CODE, rs.getLong(10)))
			.list();
	}

	record CellCount(String cell, long count) {
	}

}
