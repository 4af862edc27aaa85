package com.trellis.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import com.trellis.deals.CreditType;
import com.trellis.deals.ImportedDeal;
import com.trellis.deals.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the planned rows of a run's staging a page at a time, in file order (after the
 * last row of the page before), with what each was imported as before: the writer holds
 * one page, never the plan.
 */
@Repository
class StagedPages {

	private final JdbcClient jdbc;

	StagedPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Builds a planned account row into what the caller writes. */
	@FunctionalInterface
	interface AccountMapper<T> {

		T map(ResultSet rs, ImportPlan.AccountRow row) throws SQLException;

	}

	/**
	 * A planned deal with the Trellis ids of its account and partner, and whether a deal
	 * imported before keeps its owner ({@link OwnerRule}).
	 */
	record PlannedDeal(long ord, ImportPlan.DealRow row, String fingerprint, Long targetId, long accountId,
			Long partnerId, boolean keepOwner) {
	}

	/** Planned accounts or partners ({@code partner}) after the row {@code after}. */
	<T> List<ImportWriter.Planned<T>> accounts(String system, boolean partner, long after, int page,
			AccountMapper<T> mapper) {
		return this.jdbc.sql("""
				SELECT a.ord, a.source_id, a.name, a.domain, a.industry, a.owner_email, a.created_at, a.type, a.country,
				       a.fingerprint, r.target_id, r.fingerprint AS known,
				       EXISTS (SELECT 1 FROM imp_keep_owner o WHERE o.object = :object AND o.ord = a.ord) AS keep_owner
				""" + StagedPlan.PLANNED_ACCOUNTS + " AND a.ord > :after ORDER BY a.ord LIMIT :page")
			.param("system", system)
			.param("object", partner ? "Partner" : "Account")
			.param("partner", partner)
			.param("after", after)
			.param("page", page)
			.query((rs, n) -> new ImportWriter.Planned<>(rs.getLong("ord"),
					mapper.map(rs,
							new ImportPlan.AccountRow(rs.getString("source_id"), rs.getString("name"),
									rs.getString("domain"), rs.getString("industry"), rs.getString("owner_email"),
									rs.getTimestamp("created_at").toInstant())),
					rs.getString("fingerprint"), rs.getObject("target_id", Long.class), rs.getString("known"),
					rs.getBoolean("keep_owner")))
			.list();
	}

	/**
	 * Planned deals to write (new, or changed since they were imported) after the row
	 * {@code after}, each with its moves. The account's and partner's records are looked
	 * up per deal by their whole key (see {@link StagedPlan#PLANNED_ACCOUNTS}: this run
	 * wrote most of them, unknown to the statistics).
	 */
	List<PlannedDeal> deals(String system, long after, int page) {
		var rows = this.jdbc
			.sql("""
					SELECT p.*,
					       (SELECT r.target_id FROM import_record r WHERE r.source_system = :system
					          AND r.object_type = 'Account' AND r.source_id = p.account_source LIMIT 1) AS account_target,
					       (SELECT r.target_id FROM import_record r WHERE r.source_system = :system
					          AND r.object_type = 'Partner' AND r.source_id = p.partner_source LIMIT 1) AS partner_target,
					       EXISTS (SELECT 1 FROM imp_keep_owner o WHERE o.object = 'Opportunity' AND o.ord = p.ord) AS keep_owner
					FROM imp_plan p
					WHERE p.ord > :after AND (p.target_id IS NULL OR p.known_fingerprint <> p.fingerprint)
					ORDER BY p.ord LIMIT :page
					""")
			.param("system", system)
			.param("after", after)
			.param("page", page)
			.query((rs, n) -> new Staged(rs.getLong("ord"), rs.getString("source_id"), rs.getString("account_source"),
					rs.getString("name"), rs.getBigDecimal("amount"), rs.getString("currency"),
					rs.getObject("close_date", java.time.LocalDate.class), rs.getString("owner_email"),
					rs.getTimestamp("created_at").toInstant(), rs.getBoolean("amount_unknown"),
					rs.getString("partner_source"), rs.getString("credit"), rs.getString("fingerprint"),
					rs.getObject("target_id", Long.class), rs.getLong("account_target"),
					rs.getObject("partner_target", Long.class), rs.getBoolean("keep_owner")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		var moves = new HashMap<Long, List<ImportedDeal.Move>>();
		// the page's ords are a range of the plan: read its moves by range on (deal_ord,
		// n)
		this.jdbc.sql("""
				SELECT m.deal_ord, m.stage, m.at FROM imp_move m JOIN imp_plan p ON p.ord = m.deal_ord
				WHERE m.deal_ord > :after AND m.deal_ord <= :last
				  AND (p.target_id IS NULL OR p.known_fingerprint <> p.fingerprint)
				ORDER BY m.deal_ord, m.n
				""")
			.param("after", after)
			.param("last", rows.get(rows.size() - 1).ord())
			.query((rs, n) -> moves.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ImportedDeal.Move(Stage.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant())))
			.list();
		return rows.stream()
			.map(s -> new PlannedDeal(s.ord(),
					new ImportPlan.DealRow(s.sourceId(), s.accountSource(), s.name(), s.amount(), s.currency(),
							s.closeDate(), s.ownerEmail(), s.createdAt(), moves.get(s.ord()), s.amountUnknown(),
							s.partnerSource(), s.credit() == null ? null : CreditType.valueOf(s.credit())),
					s.fingerprint(), s.targetId(), s.accountId(), s.partnerId(), s.keepOwner()))
			.toList();
	}

	private record Staged(long ord, String sourceId, String accountSource, String name, java.math.BigDecimal amount,
			String currency, java.time.LocalDate closeDate, String ownerEmail, java.time.Instant createdAt,
			boolean amountUnknown, String partnerSource, String credit, String fingerprint, Long targetId,
			long accountId, Long partnerId, boolean keepOwner) {

		Staged {
			amount = com.trellis.shared.MinorUnits.round(amount, currency);
		}

	}

}
