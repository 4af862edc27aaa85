package com.trellis.mapping;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;
import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' account lists; every read is bound to one partner in SQL. */
@Repository
class PartnerAccountRepository {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PartnerAccountRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Serialises uploads of one partner's list. */
	void lockPartner(long partnerId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('mapping-list'), CAST(:id AS INT))")
			.param("id", (int) partnerId)
			.query()
			.listOfRows();
	}

	long newCurrentList(long partnerId, long userId, Instant now, int rows) {
		this.jdbc.sql("UPDATE partner_account_list SET current = FALSE WHERE partner_id = :partner AND current")
			.param("partner", partnerId)
			.update();
		return this.jdbc.sql("""
				INSERT INTO partner_account_list (partner_id, uploaded_by, uploaded_at, row_count, current)
				VALUES (:partner, :user, :now, :rows, TRUE) RETURNING id
				""")
			.param("partner", partnerId)
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("rows", rows)
			.query(Long.class)
			.single();
	}

	/**
	 * Writes the list's rows with their matches in one COPY: the account matched
	 * automatically, else the most likely possible match, else none.
	 */
	void insertRows(long listId, long partnerId, List<ListRow> rows, List<Company> companies,
			List<BestMatch.Decision<Long>> decisions) {
		try (var copy = PgCopy.into(this.dataSource, "partner_account",
				List.of("list_id", "partner_id", "row_number", "company_name", "web_domain", "country", "status",
						"crm_id", "registrable_domain", "normalized_name", "account_id", "match_confidence",
						"match_reason"))) {
			for (int i = 0; i < rows.size(); i++) {
				var row = rows.get(i);
				var decision = decisions.get(i);
				var shown = decision.matched() ? decision.how()
						: decision.possibles().isEmpty() ? null : decision.possibles().get(0).match();
				Long account = decision.matched() ? decision.match()
						: decision.possibles().isEmpty() ? null : decision.possibles().get(0).ref();
				copy.row(listId, partnerId, row.rowNumber(), row.companyName(), row.webDomain(), row.country(),
						row.status().name(), row.crmId(), companies.get(i).identityDomain(),
						companies.get(i).normalizedName(), account, shown == null ? null : shown.confidence().name(),
						shown == null ? null : shown.reason());
			}
			copy.finish();
		}
	}

	List<PartnerAccountView> current(long partnerId) {
		return this.jdbc.sql("""
				SELECT a.row_number, a.company_name, a.web_domain, a.country, a.status, a.crm_id, a.account_id,
				       a.match_confidence, a.match_reason
				FROM partner_account a JOIN partner_account_list l ON l.id = a.list_id
				WHERE l.partner_id = :partner AND l.current AND a.partner_id = :partner
				ORDER BY a.row_number
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new PartnerAccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9)))
			.list();
	}

	List<AccountListUpload> history(long partnerId) {
		return this.jdbc.sql("""
				SELECT id, uploaded_by, uploaded_at, row_count, current FROM partner_account_list
				WHERE partner_id = :partner ORDER BY uploaded_at DESC, id DESC
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new AccountListUpload(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getInt(4), rs.getBoolean(5)))
			.list();
	}

	/** Remembered answers to possible matches: company key → account → confirmed. */
	Map<String, Map<Long, Boolean>> answers(long partnerId) {
		var answers = new HashMap<String, Map<Long, Boolean>>();
		this.jdbc.sql("SELECT company_key, account_id, confirmed FROM partner_account_answer WHERE partner_id = :p")
			.param("p", partnerId)
			.query(rs -> {
				answers.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBoolean(3));
			});
		return answers;
	}

}
