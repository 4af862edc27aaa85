package com.trellis.hygiene;

import java.util.List;

import com.trellis.accounts.CustomerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The duplicate-account check's candidates: the pairs of accounts the matcher is asked
 * about, read a range of ids at a time ({@link DuplicateAccounts}).
 */
@Repository
class DuplicateCandidates {

	/**
	 * How many candidates per account and kind (domain, name) the matcher is asked about.
	 */
	static final int CANDIDATES = 20;

	private final JdbcClient jdbc;

	DuplicateCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Pairs of an account in scope and another account that may be the same customer, for
	 * the matcher to decide: accounts with the same registrable domain, the same name
	 * head key or the same name tail key (V44), up to {@value #CANDIDATES} of each per
	 * account, each found through its index on (key, id) (V82), so the work grows with
	 * the number of accounts and not with its square. Only the accounts in scope with an
	 * id in {@code (after, upTo]}: a caller walks the ids a range at a time, so no
	 * statement holds millions of pairs (4.3 million at 100,000 demo accounts, over the
	 * query timeout in one statement on a loaded machine).
	 */
	List<CustomerRecord[]> duplicateCandidates(HygieneScope scope, long after, long upTo) {
		return scope
			.bind(this.jdbc
				.sql("""
						WITH scoped AS (
						    SELECT a.id, a.name, a.registrable_domain, a.normalized_name, a.country, a.name_head_key, a.name_tail_key
						    FROM account a WHERE %s AND a.id > :after AND a.id <= :upTo
						), pairs AS (
						    SELECT s.id, d.id AS b_id FROM scoped s CROSS JOIN LATERAL (
						        SELECT b.id FROM account b WHERE b.registrable_domain = s.registrable_domain AND b.id <> s.id
						        ORDER BY b.id LIMIT :candidates) d
						    UNION
						    SELECT s.id, h.id FROM scoped s CROSS JOIN LATERAL (
						        SELECT b.id FROM account b WHERE b.name_head_key = s.name_head_key AND b.id <> s.id
						        ORDER BY b.id LIMIT :candidates) h
						    UNION
						    SELECT s.id, t.id FROM scoped s CROSS JOIN LATERAL (
						        SELECT b.id FROM account b WHERE b.name_tail_key = s.name_tail_key AND b.id <> s.id
						        ORDER BY b.id LIMIT :candidates) t
						)
						SELECT s.id, s.name, s.registrable_domain, s.normalized_name, s.country,
						       b.id AS b_id, b.name AS b_name, b.registrable_domain AS b_domain, b.normalized_name AS b_normalized,
						       b.country AS b_country
						FROM pairs JOIN scoped s ON s.id = pairs.id JOIN account b ON b.id = pairs.b_id
						ORDER BY s.id, b.id
						"""
					.formatted(scope.accounts("a.id"))))
			.param("candidates", CANDIDATES)
			.param("after", after)
			.param("upTo", upTo)
			.query((rs, n) -> new CustomerRecord[] {
					new CustomerRecord(rs.getLong("id"), rs.getString("name"), rs.getString("registrable_domain"),
							rs.getString("normalized_name"), rs.getString("country")),
					new CustomerRecord(rs.getLong("b_id"), rs.getString("b_name"), rs.getString("b_domain"),
							rs.getString("b_normalized"), rs.getString("b_country")) })
			.list();
	}

	/** The smallest and largest account id (0 and 0 without accounts). */
	long[] accountIds() {
		return this.jdbc.sql("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM account")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

}
