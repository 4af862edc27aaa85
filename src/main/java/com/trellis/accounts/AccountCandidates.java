package com.trellis.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidate accounts for many companies at once (a partner's list of 100,000), set-based:
 * the companies are copied into a temporary table and joined with the accounts, so the
 * database answers in a few hash joins instead of one query per company. Two rounds:
 * first the same registrable domain or the same normalised name; then, only for the
 * companies the caller found no sure match for, names one slip of the keyboard apart in
 * one word, by the accounts' slip keys ({@code account_slip_keys}, V61_2 and V74, through
 * a GIN index). A trigram probe per company (the {@code pg_trgm} index the one-at-a-time
 * search uses) costs over 15 ms at a million accounts whose names share common words, too
 * slow for 100,000 companies.
 */
@Repository
class AccountCandidates {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	AccountCandidates(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Loads the companies (index = position) into the transaction's temporary table; the
	 * caller's transaction must be active.
	 */
	void load(List<String[]> domainAndName) {
		this.jdbc.sql("DROP TABLE IF EXISTS match_subject").update();
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE match_subject (n INT NOT NULL, registrable_domain TEXT, normalized_name TEXT,
				                                      by_similarity BOOLEAN NOT NULL DEFAULT FALSE, slip_probes TEXT[])
				                                      ON COMMIT DROP
				""").update();
		try (var copy = PgCopy.into(this.dataSource, "match_subject",
				List.of("n", "registrable_domain", "normalized_name"))) {
			for (int i = 0; i < domainAndName.size(); i++) {
				copy.row(i, domainAndName.get(i)[0], domainAndName.get(i)[1]);
			}
			copy.finish();
		}
		this.jdbc.sql("ANALYZE match_subject").update();
	}

	/**
	 * Accounts with the same registrable domain or the same normalised name. The names
	 * are compared byte for byte ({@code COLLATE "C"}, the same equality for these ASCII
	 * keys) so that PostgreSQL uses the byte-ordered btree (V66) or a hash join, never
	 * the trigram index, which also answers {@code =} but takes milliseconds per name
	 * sharing common words.
	 */
	List<List<CustomerRecord>> sameDomainOrName(int subjects) {
		var result = empty(subjects);
		this.jdbc.sql("""
				SELECT s.n, a.id, a.name, a.registrable_domain, a.normalized_name, a.country
				FROM match_subject s JOIN account a ON a.registrable_domain = s.registrable_domain
				UNION
				SELECT s.n, a.id, a.name, a.registrable_domain, a.normalized_name, a.country
				FROM match_subject s JOIN account a ON a.normalized_name COLLATE "C" = s.normalized_name COLLATE "C"
				""").query(rs -> {
			add(result, rs);
		});
		return result;
	}

	/**
	 * Accounts whose names are one slip of the keyboard apart in one word, for the
	 * companies given by index: sharing a slip key at a length no more than one letter
	 * longer or shorter (one slip adds or drops at most one). Each company probes the GIN
	 * index on the accounts' keys (V74) with its keys at its own length and one letter
	 * either side, so the work grows with the companies probed, not with the accounts. A
	 * key shares only three letters of a word; the candidates must also be
	 * trigram-similar (the bar of {@code %} the one-company search's trigram probe sets;
	 * computed, so that no trigram index probe is planned per company), so names that
	 * merely share a word's first or last three letters are not sent to Java to be
	 * scored.
	 */
	List<List<CustomerRecord>> oneSlipApart(int subjects, List<Integer> which) {
		if (which.isEmpty()) {
			return grouped(subjects, null);
		}
		this.jdbc.sql("""
				UPDATE match_subject SET by_similarity = TRUE, slip_probes = account_slip_probes(normalized_name)
				WHERE n = ANY(:which)
				""").param("which", which.toArray(Integer[]::new)).update();
		this.jdbc.sql("ANALYZE match_subject").update();
		return grouped(subjects, """
				SELECT DISTINCT s.n, a.id
				FROM match_subject s JOIN account a ON a.slip_keys && s.slip_probes
				WHERE s.by_similarity AND cardinality(s.slip_probes) > 0
				  AND abs(char_length(a.normalized_name) - char_length(s.normalized_name)) <= 1
				  AND similarity(a.normalized_name, s.normalized_name)
				      >= coalesce(current_setting('pg_trgm.similarity_threshold', TRUE)::real, 0.3)
				""");
	}

	/**
	 * Accounts whose name is the company's name with words added, or the company's name
	 * with words dropped from its end ("Talvoring" and "Talvoring Consulting": a possible
	 * match at most), for the companies marked by {@link #oneSlipApart}: through the
	 * byte-ordered name index (V66), the first {@code limit} extensions per company.
	 */
	List<List<CustomerRecord>> extendedOrShortened(int subjects, int limit) {
		return grouped(subjects, """
				SELECT s.n, e.id
				FROM match_subject s
				CROSS JOIN LATERAL (SELECT a.id FROM account a
				                    WHERE a.normalized_name COLLATE "C" > (s.normalized_name || ' ') COLLATE "C"
				                      AND a.normalized_name COLLATE "C" < (s.normalized_name || '!') COLLATE "C"
				                    ORDER BY a.normalized_name COLLATE "C" LIMIT %d) e
				WHERE s.by_similarity
				UNION
				SELECT p.n, a.id
				FROM (SELECT s.n, array_to_string(w.words[:i], ' ') AS prefix
				      FROM match_subject s, string_to_array(s.normalized_name, ' ') AS w(words),
				           generate_series(1, cardinality(w.words) - 1) AS i
				      WHERE s.by_similarity) p
				JOIN account a ON a.normalized_name COLLATE "C" = p.prefix COLLATE "C"
				""".formatted(limit));
	}

	private List<List<CustomerRecord>> grouped(int subjects, String pairs) {
		var result = empty(subjects);
		if (pairs == null) {
			return result;
		}
		this.jdbc
			.sql("SELECT c.n, a.id, a.name, a.registrable_domain, a.normalized_name, a.country FROM (" + pairs
					+ ") c JOIN account a ON a.id = c.id")
			.query(rs -> {
				add(result, rs);
			});
		return result;
	}

	private static List<List<CustomerRecord>> empty(int subjects) {
		var result = new ArrayList<List<CustomerRecord>>(subjects);
		for (int i = 0; i < subjects; i++) {
			result.add(new ArrayList<>(2));
		}
		return result;
	}

	private static void add(List<List<CustomerRecord>> result, ResultSet rs) throws SQLException {
		result.get(rs.getInt(1))
			.add(new CustomerRecord(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
	}

}
