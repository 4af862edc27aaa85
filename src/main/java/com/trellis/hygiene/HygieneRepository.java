package com.trellis.hygiene;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hygiene checks as reporting SQL over the deals, accounts and users tables (read
 * only; the overlapping registrations are counted by the job, {@link OverlapStore}), each
 * bound to the viewer's scope ({@code :pam}, null for the whole program).
 */
@Repository
class HygieneRepository {

	/**
	 * An open deal; the V105 indexes are partial on exactly this text, so keep them
	 * together.
	 */
	private static final String OPEN = "o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";

	/** MISSING_FIELDS' condition, as in its V105 index's predicate. */
	private static final String MISSING = "(o.amount IS NULL OR o.amount = 0 OR o.close_date IS NULL OR o.account_id IS NULL)";

	/** ACCOUNTS_WITHOUT_DOMAIN's condition, as in its V105 index's predicate. */
	private static final String NO_DOMAIN = "(a.web_domain IS NULL OR btrim(a.web_domain) = '')";

	/**
	 * OWNER_NOT_ACCOUNT_OWNER's count: the open deals failing the check as the database
	 * keeps them (V121, {@code hygiene_owner_mismatch}, with the deal's partner and owner
	 * for the scope), not a join of every open deal to its account.
	 */
	private static final String OWNER_MISMATCH_COUNT = "SELECT count(*) FROM hygiene_owner_mismatch o WHERE %s";

	/**
	 * MISSING_FIELDS' page: the page's deals cut from the check's V105 index in id order
	 * before their owners are joined (owner_id is a not-null key of app_user, so the join
	 * keeps every deal). Joined first, the planner sorted every deal of the check (4,159
	 * on the large dataset, 26 ms a page) for the first 50.
	 */
	private static final String MISSING_PAGE = """
			SELECT 'opportunity' AS record_type, o.id AS record_id, o.name,
			       concat_ws('; ', CASE WHEN o.amount_unknown THEN 'amount unknown' END,
			           'missing ' || nullif(concat_ws(', ',
			               CASE WHEN NOT o.amount_unknown AND (o.amount IS NULL OR o.amount = 0) THEN 'amount' END,
			               CASE WHEN o.close_date IS NULL THEN 'close date' END,
			               CASE WHEN o.account_id IS NULL THEN 'account' END), '')) AS problem,
			       u.display_name AS owner, '/opportunities/' || o.id AS link
			FROM (SELECT o.id, o.name, o.amount_unknown, o.amount, o.close_date, o.account_id, o.owner_id
			      FROM opportunity o WHERE %1$s AND %2$s AND %3$s
			      ORDER BY o.id LIMIT :limit OFFSET :offset) o
			JOIN app_user u ON u.id = o.owner_id
			ORDER BY o.id
			""";

	/**
	 * OWNER_NOT_ACCOUNT_OWNER's page: the page's deals cut from the deals failing the
	 * check as the database keeps them ({@code hygiene_owner_mismatch}, V121, the same
	 * rows as the records' condition, with the scope's partner and owner) in id order,
	 * then joined to the deal, its account and both owners (keys, so no deal is lost).
	 * The records' query found a PAM's book through every open deal of its partners (233
	 * ms a page on the large dataset).
	 */
	private static final String OWNER_MISMATCH_PAGE = """
			SELECT 'opportunity' AS record_type, o.id AS record_id, o.name,
			       'owned by ' || u.display_name || ', the account ' || a.name || ' by ' || au.display_name AS problem,
			       u.display_name AS owner, '/opportunities/' || o.id AS link
			FROM (SELECT o.opportunity_id FROM hygiene_owner_mismatch o WHERE %s
			      ORDER BY o.opportunity_id LIMIT :limit OFFSET :offset) m
			JOIN opportunity o ON o.id = m.opportunity_id JOIN app_user u ON u.id = o.owner_id
			JOIN account a ON a.id = o.account_id JOIN app_user au ON au.id = a.owner_ae_id
			ORDER BY o.id
			""";

	private static final String DEAL_COLUMNS = """
			SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, %s AS problem,
			       u.display_name AS owner, '/opportunities/' || o.id AS link
			""";

	private final JdbcClient jdbc;

	private final HygieneCursor cursor;

	HygieneRepository(JdbcClient jdbc, HygieneCursor cursor) {
		this.jdbc = jdbc;
		this.cursor = cursor;
	}

	/**
	 * The SQL of a check that is SQL alone, with its parameters, in the viewer's scope:
	 * the records in page order and, apart, their count, written to read the check's V105
	 * index and not the deals (the count states the records' condition over the same
	 * rows; the tests hold each count to its records).
	 */
	Query query(HygieneCheck check, HygieneScope scope, Instant now, LocalDate today, Norms norms) {
		var query = queryOverDeals(check, scope, now, today, norms);
		if (scope.kind() != HygieneScope.Kind.PROGRAM) {
			return query;
		}
		// the program's count from the open deals kept per day (V133, KeptCounts)
		return switch (check) {
			case MISSING_FIELDS -> query.countedBy(KeptCounts.MISSING_FIELDS);
			case STALE_DEALS -> query.countedBy(KeptCounts.STALE_DEALS);
			case SLIPPED_CLOSE_DATES -> query.countedBy(KeptCounts.SLIPPED_CLOSE_DATES);
			default -> query;
		};
	}

	/**
	 * {@link #query} with every count read from the deals (the program's too): what the
	 * kept counts replace, for the tests.
	 */
	Query queryOverDeals(HygieneCheck check, HygieneScope scope, Instant now, LocalDate today, Norms norms) {
		String deals = scope.deals();
		return switch (check) {
			case MISSING_FIELDS -> new Query(DEAL_COLUMNS.formatted("""
					concat_ws('; ', CASE WHEN o.amount_unknown THEN 'amount unknown' END,
					    'missing ' || nullif(concat_ws(', ',
					        CASE WHEN NOT o.amount_unknown AND (o.amount IS NULL OR o.amount = 0) THEN 'amount' END,
					        CASE WHEN o.close_date IS NULL THEN 'close date' END,
					        CASE WHEN o.account_id IS NULL THEN 'account' END), ''))""") + """
					FROM opportunity o JOIN app_user u ON u.id = o.owner_id
					WHERE %1$s AND %2$s AND %3$s
					ORDER BY o.id
					""".formatted(OPEN, MISSING, deals), Map.of(),
					"SELECT count(*) FROM opportunity o WHERE %s AND %s AND %s".formatted(OPEN, MISSING, deals),
					MISSING_PAGE.formatted(OPEN, MISSING, deals));
			case STALE_DEALS -> StaleDeals.query(scope.kind() == HygieneScope.Kind.PROGRAM, deals, now, norms);
			case SLIPPED_CLOSE_DATES -> new Query(DEAL_COLUMNS.formatted(
					"""
							concat_ws('; ', CASE WHEN o.close_date < :today THEN 'close date ' || o.close_date || ' has passed' END,
							          CASE WHEN m.moves > 2 THEN 'close date moved ' || m.moves || ' times' END)""")
					+ """
							FROM opportunity o JOIN app_user u ON u.id = o.owner_id
							LEFT JOIN hygiene_close_date_moves m ON m.opportunity_id = o.id
							WHERE %1$s AND %2$s AND (o.close_date < :today OR m.moves > 2)
							ORDER BY o.close_date NULLS LAST, o.id
							""".formatted(OPEN, deals), Map.of("today", today),
					"""
							SELECT (SELECT count(*) FROM opportunity o WHERE %1$s AND o.close_date < :today AND %2$s)
							     + (SELECT count(*) FROM hygiene_close_date_moves m JOIN opportunity o ON o.id = m.opportunity_id
							        WHERE m.moves > 2 AND %1$s AND (o.close_date >= :today OR o.close_date IS NULL) AND %2$s)
							"""
						.formatted(OPEN, deals));
			case ACCOUNTS_WITHOUT_DOMAIN -> new Query("""
					SELECT 'account' AS record_type, a.id AS record_id, a.name, 'no web domain' AS problem,
					       u.display_name AS owner, '/accounts/' || a.id AS link
					FROM account a LEFT JOIN app_user u ON u.id = a.owner_ae_id
					WHERE %1$s AND %2$s
					ORDER BY a.id
					""".formatted(NO_DOMAIN, scope.accounts("a.id")), Map.of(),
					"SELECT count(*) FROM account a WHERE %s AND %s".formatted(NO_DOMAIN, scope.accounts("a.id")));
			case OWNER_NOT_ACCOUNT_OWNER -> new Query(DEAL_COLUMNS.formatted("""
					'owned by ' || u.display_name || ', the account ' || a.name || ' by ' || au.display_name""") + """
					FROM opportunity o JOIN app_user u ON u.id = o.owner_id
					JOIN account a ON a.id = o.account_id JOIN app_user au ON au.id = a.owner_ae_id
					WHERE %1$s AND %2$s AND o.owner_id <> a.owner_ae_id
					ORDER BY o.id
					""".formatted(OPEN, deals), Map.of(), OWNER_MISMATCH_COUNT.formatted(deals),
					OWNER_MISMATCH_PAGE.formatted(deals));
			case DEACTIVATED_OWNERS -> new Query(DEAL_COLUMNS.formatted("""
					u.display_name || ' is deactivated' || CASE WHEN au.id IS NULL THEN '; the account has no owner'
					  ELSE '; the account is owned by ' || au.display_name END""") + """
					FROM opportunity o JOIN app_user u ON u.id = o.owner_id
					LEFT JOIN account a ON a.id = o.account_id LEFT JOIN app_user au ON au.id = a.owner_ae_id
					WHERE %1$s AND %2$s AND NOT u.enabled
					ORDER BY o.id
					""".formatted(OPEN, deals), Map.of(), """
					SELECT count(*) FROM opportunity o
					WHERE %1$s AND %2$s AND o.owner_id IN (SELECT id FROM app_user WHERE NOT enabled)
					""".formatted(OPEN, deals));
			case DUPLICATE_ACCOUNTS, OVERLAPPING_REGISTRATIONS ->
				throw new IllegalArgumentException(check + " is stored by the job");
		};
	}

	long count(Query query, HygieneScope scope) {
		return bind(this.jdbc.sql(query.countSql()), query, scope).query(Long.class).single();
	}

	PageResult<HygieneRecord> page(Query query, HygieneScope scope, PageRequest page) {
		var items = bind(this.jdbc.sql(query.pageSql()), query, scope).param("limit", page.size())
			.param("offset", page.offset())
			.query(HygieneRepository::record)
			.list();
		return new PageResult<>(items, page.page(), page.size(), count(query, scope));
	}

	/**
	 * Every record of the check in scope, in page order, each handed on as it is read.
	 */
	void forEach(Query query, HygieneScope scope, Consumer<HygieneRecord> action) {
		this.cursor.forEach(query.sql(), scope, query.params(), HygieneRepository::record, action);
	}

	private static HygieneRecord record(ResultSet rs, int n) throws SQLException {
		return new HygieneRecord(rs.getString("record_type"), rs.getLong("record_id"), rs.getString("name"),
				rs.getString("problem"), rs.getString("owner"), rs.getString("link"));
	}

	/** The open deals of deactivated owners in scope, with their account's owner. */
	List<Handover> deactivatedHoldings(HygieneScope scope) {
		return scope.bind(this.jdbc.sql("""
				SELECT o.id, o.owner_id, a.owner_ae_id, au.enabled, au.role
				FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				LEFT JOIN account a ON a.id = o.account_id LEFT JOIN app_user au ON au.id = a.owner_ae_id
				WHERE %s AND %s AND NOT u.enabled ORDER BY o.id
				""".formatted(OPEN, scope.deals())))
			.query((rs, n) -> new Handover(rs.getLong("id"), rs.getLong("owner_id"), (Long) rs.getObject("owner_ae_id"),
					(Boolean) rs.getObject("enabled"), rs.getString("role")))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Query query, HygieneScope scope) {
		spec = scope.bind(spec);
		for (var entry : query.params().entrySet()) {
			spec = spec.param(entry.getKey(), entry.getValue());
		}
		return spec;
	}

	/**
	 * A check's SQL and parameters: {@code sql} its records in page order,
	 * {@code countSql} their number (a bigint), {@code pageSql} one page of the records
	 * ({@code :limit} records after {@code :offset}), by default {@code sql} cut.
	 */
	record Query(String sql, Map<String, Object> params, String countSql, String pageSql) {

		Query(String sql, Map<String, Object> params, String countSql) {
			this(sql, params, countSql, sql + " LIMIT :limit OFFSET :offset");
		}

		Query countedBy(String otherCountSql) {
			return new Query(this.sql, this.params, otherCountSql, this.pageSql);
		}

	}

	/** The open stages' norms, from the sales process. */
	record Norms(String[] stages, Integer[] days, String[] names) {
	}

	record Handover(long opportunityId, long ownerId, Long accountOwnerId, Boolean accountOwnerEnabled,
			String accountOwnerRole) {
	}

}
