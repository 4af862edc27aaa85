package com.trellis.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QuotaRepository {

	private static final String SELECT = """
			SELECT q.scope_kind, q.scope_id, COALESCE(u.display_name, 'Partner program'), q.quarter, q.amount, q.currency,
			       b.display_name, q.set_at
			FROM forecast_quota q LEFT JOIN app_user u ON u.id = q.scope_id AND q.scope_kind <> 'PARTNERS'
			JOIN app_user b ON b.id = q.set_by
			""";

	private final JdbcClient jdbc;

	QuotaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whose the scope is, by name: the user's display name for a PAM, rep or manager, the
	 * partner's name for a partner, empty for the program and its partner deals (their
	 * kind names them) or an id that names nobody.
	 */
	Optional<String> scopeName(Scope scope) {
		var sql = switch (scope.kind()) {
			case PROGRAM, PARTNERS -> null;
			case PARTNER -> "SELECT name FROM partner WHERE id = :id";
			case PAM, REP, MANAGER -> "SELECT display_name FROM app_user WHERE id = :id";
		};
		return sql == null ? Optional.empty()
				: this.jdbc.sql(sql).param("id", scope.id()).query(String.class).optional();
	}

	void save(Scope.Kind kind, long id, String quarter, BigDecimal amount, String currency, long by, Instant now) {
		this.jdbc.sql("""
				INSERT INTO forecast_quota (scope_kind, scope_id, quarter, amount, currency, set_by, set_at)
				VALUES (:kind, :id, :quarter, :amount, :currency, :by, :now)
				ON CONFLICT (scope_kind, scope_id, quarter) DO UPDATE SET amount = :amount, currency = :currency,
				    set_by = :by, set_at = :now
				""")
			.param("kind", kind.name())
			.param("id", id)
			.param("quarter", quarter)
			.param("amount", amount)
			.param("currency", currency)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<Quota> find(Scope.Kind kind, long id, String quarter) {
		return this.jdbc.sql(SELECT + " WHERE q.scope_kind = :kind AND q.scope_id = :id AND q.quarter = :quarter")
			.param("kind", kind.name())
			.param("id", id)
			.param("quarter", quarter)
			.query(QuotaRepository::row)
			.optional();
	}

	/**
	 * The quotas of a quarter; only those of the given users (and the partner target when
	 * {@code withTarget}) unless {@code users} is null.
	 */
	List<Quota> list(String quarter, List<Long> users, boolean withTarget) {
		return this.jdbc
			.sql(SELECT
					+ """
							 WHERE q.quarter = :quarter AND (CAST(:all AS BOOLEAN)
							   OR q.scope_kind = 'PARTNERS' AND CAST(:target AS BOOLEAN) OR q.scope_id = ANY (CAST(:users AS BIGINT[])))
							ORDER BY q.scope_kind, 3
							""")
			.param("quarter", quarter)
			.param("all", users == null)
			.param("target", withTarget)
			.param("users", com.trellis.shared.SqlIds.array(users == null ? List.of() : users))
			.query(QuotaRepository::row)
			.list();
	}

	/**
	 * How many active reps below a manager (at any depth) have a quota, and their sum; a
	 * deactivated rep's quota is left out.
	 */
	Object[] teamRepQuotas(long managerId, String quarter) {
		return this.jdbc.sql("""
				WITH RECURSIVE team AS (SELECT id FROM app_user WHERE manager_id = :manager
				  UNION SELECT u.id FROM app_user u JOIN team t ON u.manager_id = t.id)
				SELECT count(*), COALESCE(sum(q.amount), 0) FROM forecast_quota q
				WHERE q.scope_kind = 'REP' AND q.quarter = :quarter
				  AND q.scope_id IN (SELECT t.id FROM team t JOIN app_user a ON a.id = t.id WHERE a.enabled)
				""")
			.param("manager", managerId)
			.param("quarter", quarter)
			.query((rs, n) -> new Object[] { rs.getLong(1), ReportingCurrency.round(rs.getBigDecimal(2)) })
			.single();
	}

	private static Quota row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var kind = Scope.Kind.valueOf(rs.getString(1));
		return new Quota(kind, kind == Scope.Kind.PARTNERS ? null : rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

}
