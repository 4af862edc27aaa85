package com.trellis.hygiene;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.trellis.shared.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored duplicate accounts ({@code hygiene_duplicate}) and the signature of the
 * accounts they were decided for ({@code hygiene_duplicate_state}).
 */
@Repository
class DuplicateStore {

	private final JdbcClient jdbc;

	private final HygieneCursor cursor;

	DuplicateStore(JdbcClient jdbc, HygieneCursor cursor) {
		this.cursor = cursor;
		this.jdbc = jdbc;
	}

	/**
	 * What the accounts are now, as far as the matcher goes: their number, highest id and
	 * a sum of hashes of each one's id, name, normalized name and registrable domain, so
	 * any added, removed, renamed or re-domained account changes it (one scan of the
	 * table, milliseconds for thousands of accounts).
	 */
	String signature() {
		return this.jdbc
			.sql("""
					SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(CAST(hashtext(id || '|' || name || '|'
					       || coalesce(normalized_name, '') || '|' || coalesce(registrable_domain, '')) AS BIGINT)), 0)
					FROM account
					""")
			.query(String.class)
			.single();
	}

	Optional<String> storedSignature() {
		return this.jdbc.sql("SELECT accounts_signature FROM hygiene_duplicate_state WHERE id = 1")
			.query(String.class)
			.optional();
	}

	/**
	 * Claims the recomputation for this transaction; false when another instance holds it
	 * (that instance stores the result, this one skips its run).
	 */
	boolean tryLock() {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('hygiene.duplicate-accounts'))")
			.query(Boolean.class)
			.single();
	}

	/** When the stored result was computed; empty when it never was. */
	Optional<Instant> computedAt() {
		return this.jdbc.sql("SELECT computed_at FROM hygiene_duplicate_state WHERE id = 1")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * When an admin asked for a recomputation the job has not made yet; empty if none.
	 */
	Optional<Instant> requestedAt() {
		return this.jdbc.sql("SELECT requested_at FROM hygiene_duplicate_request WHERE id = 1")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Queues a recomputation; a request already queued keeps its time. */
	void request(Instant now, long by) {
		this.jdbc.sql("""
				INSERT INTO hygiene_duplicate_request (id, requested_at, requested_by) VALUES (1, :now, :by)
				ON CONFLICT (id) DO NOTHING
				""").param("now", Timestamp.from(now)).param("by", by).update();
	}

	/**
	 * Clears the request a recomputation read (queued at {@code requestedAt}), which it
	 * answers; a request queued later stays.
	 */
	void clearRequest(Instant requestedAt) {
		this.jdbc.sql("DELETE FROM hygiene_duplicate_request WHERE requested_at <= :requestedAt")
			.param("requestedAt", Timestamp.from(requestedAt))
			.update();
	}

	void replace(Map<Long, String> duplicates, String signature, Instant now) {
		this.jdbc.sql("DELETE FROM hygiene_duplicate").update();
		duplicates.forEach((account, text) -> this.jdbc
			.sql("INSERT INTO hygiene_duplicate (account_id, duplicates) VALUES (:account, :text)")
			.param("account", account)
			.param("text", text)
			.update());
		this.jdbc.sql("""
				INSERT INTO hygiene_duplicate_state (id, accounts_signature, computed_at) VALUES (1, :signature, :now)
				ON CONFLICT (id) DO UPDATE SET accounts_signature = EXCLUDED.accounts_signature,
				                               computed_at = EXCLUDED.computed_at
				""").param("signature", signature).param("now", Timestamp.from(now)).update();
	}

	long count(HygieneScope scope) {
		return scope
			.bind(this.jdbc.sql("SELECT count(*) FROM hygiene_duplicate d WHERE " + scope.accounts("d.account_id")))
			.query(Long.class)
			.single();
	}

	List<HygieneRecord> page(HygieneScope scope, PageRequest page) {
		return scope.bind(this.jdbc.sql(records(scope) + " LIMIT :limit OFFSET :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(DuplicateStore::record)
			.list();
	}

	/** Every stored record in scope, in page order, each handed on as it is read. */
	void forEach(HygieneScope scope, Consumer<HygieneRecord> action) {
		this.cursor.forEach(records(scope), scope, Map.of(), DuplicateStore::record, action);
	}

	private static String records(HygieneScope scope) {
		return """
				SELECT d.account_id, a.name, d.duplicates, u.display_name
				FROM hygiene_duplicate d JOIN account a ON a.id = d.account_id
				LEFT JOIN app_user u ON u.id = a.owner_ae_id
				WHERE %s ORDER BY d.account_id""".formatted(scope.accounts("d.account_id"));
	}

	private static HygieneRecord record(ResultSet rs, int n) throws SQLException {
		return new HygieneRecord("account", rs.getLong(1), rs.getString(2), "same customer as " + rs.getString(3),
				rs.getString(4), "/accounts/" + rs.getLong(1));
	}

}
