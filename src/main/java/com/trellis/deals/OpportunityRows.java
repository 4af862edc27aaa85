package com.trellis.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The shape of an {@code opportunity} row as the deal reads share it: the columns read,
 * the partner scope every read binds ({@code :scopePartner}, null for an internal
 * viewer), the order a deal list is worked in, the parameters an insert or an edit binds
 * and the mapping of a row to an {@link OpportunityView}. Split from
 * {@link OpportunityRepository}.
 */
final class OpportunityRows {

	static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	static final String COLUMNS = """
			id, account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id, credit_type,
			partner_share, stage_entered_at, created_at, closed_at, amount_unknown
			""";

	/**
	 * The order a deal list is worked in: open deals first, the one closing soonest on
	 * top (an overdue close date before a later one); then closed deals, the most
	 * recently closing first.
	 */
	static final String WORK_ORDER = """
			(stage IN ('CLOSED_WON', 'CLOSED_LOST')),
			CASE WHEN stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') THEN close_date END ASC NULLS LAST,
			close_date DESC NULLS LAST, id DESC""";

	/** The parameters an insert or an edit binds from the command, the name stripped. */
	static Map<String, Object> params(OpportunityCommand command, long ownerId) {
		Map<String, Object> params = new HashMap<>();
		params.put("account", command.accountId());
		params.put("name", command.name().strip());
		params.put("amount", command.amount());
		params.put("currency", command.currency());
		params.put("stage", command.stage().name());
		params.put("closeDate", command.closeDate());
		params.put("owner", ownerId);
		params.put("source", command.source().name());
		params.put("partner", command.partnerId());
		params.put("credit", command.creditType() == null ? null : command.creditType().name());
		params.put("share", command.partnerShare());
		return params;
	}

	/** A row read with {@link #COLUMNS} as a deal; its account name is left null. */
	static OpportunityView view(ResultSet rs, int row) throws SQLException {
		var credit = rs.getString("credit_type");
		var closedAt = rs.getTimestamp("closed_at");
		return new OpportunityView(rs.getLong("id"), rs.getLong("account_id"), null, rs.getString("name"),
				rs.getBigDecimal("amount"), rs.getString("currency"), Stage.valueOf(rs.getString("stage")),
				rs.getObject("close_date", java.time.LocalDate.class), rs.getLong("owner_id"),
				DealSource.valueOf(rs.getString("source")), rs.getObject("partner_id", Long.class),
				credit == null ? null : CreditType.valueOf(credit), rs.getBigDecimal("partner_share"),
				rs.getTimestamp("stage_entered_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
				closedAt == null ? null : closedAt.toInstant(), rs.getBoolean("amount_unknown"));
	}

	private OpportunityRows() {
	}

}
