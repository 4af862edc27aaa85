package com.trellis.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.trellis.accounts.AccountImport;
import com.trellis.deals.DealImport;
import com.trellis.identity.Users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Judges, with {@link OwnerRule}, whose each account and deal imported before stays when
 * the files change it: a page of the changed records at a time, their owners now asked of
 * the owning modules' import ports. The rows whose records keep their owner go into the
 * run's {@code imp_keep_owner} (read by the writer's pages), a refused new owner is a
 * warning naming the row, the owner column as the file writes it and the owner. A
 * partner's PAM is not judged: a later export never sets it. The count returned is
 * {@code (0, applied, kept)}: new owners the files give to records imported before, and
 * records that keep an owner other than the file's.
 */
@Component
class RecordOwners {

	private final JdbcClient jdbc;

	private final DealImport deals;

	private final AccountImport accounts;

	private final Users users;

	RecordOwners(JdbcClient jdbc, DealImport deals, AccountImport accounts, Users users) {
		this.jdbc = jdbc;
		this.deals = deals;
		this.accounts = accounts;
		this.users = users;
	}

	/** A changed row of a record imported before, with the owners to compare. */
	private record Changed(long ord, String where, String named, long targetId, String recorded) {
	}

	/**
	 * The Trellis user a source owner maps to (null: created deactivated), and if active.
	 */
	private record Named(Long userId, boolean active) {
	}

	ImportReport.Counts judge(String system, OwnerMatch owners, CrmExport export, ImportStaging staging, int page) {
		var named = new HashMap<String, Named>();
		for (var owner : owners.all()) {
			boolean active = owner.userId() != null && this.users.findEnabled(owner.userId()).isPresent();
			named.put(owner.email().toLowerCase(Locale.ROOT), new Named(owner.userId(), active));
		}
		var tally = new int[2];
		judge("Account", """
				SELECT a.ord, a.where_, a.owner_email, r.target_id, r.source_owner
				""" + StagedPlan.PLANNED_ACCOUNTS + """
				  AND r.target_id IS NOT NULL AND r.fingerprint <> a.fingerprint AND a.ord > :after
				ORDER BY a.ord LIMIT :page
				""", Map.of("system", system, "object", "Account", "partner", false), this.accounts::owners,
				export.accountColumns.ownerId(), named, staging, page, tally);
		judge("Opportunity", """
				SELECT ord, where_, owner_email, target_id, known_owner FROM imp_plan
				WHERE target_id IS NOT NULL AND known_fingerprint <> fingerprint AND ord > :after
				ORDER BY ord LIMIT :page
				""", Map.of(), this.deals::owners, export.columns.ownerId(), named, staging, page, tally);
		return new ImportReport.Counts(0, tally[0], tally[1]);
	}

	private void judge(String object, String sql, Map<String, Object> params,
			Function<List<Long>, Map<Long, Long>> current, String column, Map<String, Named> named,
			ImportStaging staging, int page, int[] tally) {
		long after = -1;
		List<Changed> rows;
		while (!(rows = this.jdbc.sql(sql)
			.params(params)
			.param("after", after)
			.param("page", page)
			.query((rs, n) -> new Changed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5)))
			.list()).isEmpty()) {
			var owners = current.apply(rows.stream().map(Changed::targetId).toList());
			var kept = new ArrayList<Long>();
			for (var row : rows) {
				var user = named.getOrDefault(row.named().toLowerCase(Locale.ROOT), new Named(null, false));
				var decision = OwnerRule.decide(row.recorded(), row.named(), user.userId(), user.active(),
						owners.get(row.targetId()));
				switch (decision.outcome()) {
					case APPLIED -> tally[0]++;
					case KEPT -> tally[1]++;
					case REFUSED -> {
						tally[1]++;
						staging.warning(row.where() + column + ": " + decision.reason());
					}
					case SAME -> {
					}
				}
				if (decision.outcome().keepsOwner()) {
					kept.add(row.ord());
				}
			}
			if (!kept.isEmpty()) {
				this.jdbc.sql(
						"INSERT INTO imp_keep_owner (object, ord) SELECT :object, unnest(CAST(ARRAY[:ords] AS BIGINT[]))")
					.param("object", object)
					.param("ords", kept)
					.update();
			}
			after = rows.get(rows.size() - 1).ord();
		}
	}

}
