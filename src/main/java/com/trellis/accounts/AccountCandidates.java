package com.trellis.accounts;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidate accounts for many companies at once (a partner's list of 100,000), set-based:
 * the companies are copied into a temporary table and joined with the accounts, so the
 * database answers in a few joins instead of one query per company. Two rounds: first the
 * same registrable domain or the same normalised name (hash joins); then, only for the
 * companies the caller found no sure match for, similar names from the trigram index on
 * the normalised name ({@code account_normalized_name_trgm_idx}).
 */
@Repository
class AccountCandidates {

	/** Similar names per company from the trigram index, best first. */
	static final int SIMILAR = 8;

	/**
	 * The trigram similarity from which a name is a candidate: below it the names differ
	 * by more than the matcher's one slip per word.
	 */
	static final double SIMILARITY = 0.45;

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
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE match_subject (n INT NOT NULL, registrable_domain TEXT, normalized_name TEXT,
				                                      by_similarity BOOLEAN NOT NULL DEFAULT FALSE) ON COMMIT DROP
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

	/** Accounts with the same registrable domain or the same normalised name. */
	List<List<CustomerRecord>> sameDomainOrName(int subjects) {
		return grouped(subjects, """
				SELECT s.n, a.id FROM match_subject s JOIN account a ON a.registrable_domain = s.registrable_domain
				UNION
				SELECT s.n, a.id FROM match_subject s JOIN account a ON a.normalized_name = s.normalized_name
				""");
	}

	/** Accounts with a similar name (trigrams), for the companies given by index. */
	List<List<CustomerRecord>> similarNames(int subjects, List<Integer> which) {
		if (which.isEmpty()) {
			return grouped(subjects, null);
		}
		this.jdbc.sql("UPDATE match_subject SET by_similarity = TRUE WHERE n = ANY(:which)")
			.param("which", which.toArray(Integer[]::new))
			.update();
		this.jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', :t, true)")
			.param("t", Double.toString(SIMILARITY))
			.query(String.class)
			.single();
		return grouped(subjects, """
				SELECT s.n, t.id FROM match_subject s CROSS JOIN LATERAL (
				    SELECT a.id FROM account a WHERE a.normalized_name % s.normalized_name
				    ORDER BY similarity(a.normalized_name, s.normalized_name) DESC, a.id LIMIT\s""" + SIMILAR + """
				) t
				WHERE s.by_similarity AND s.normalized_name IS NOT NULL
				""");
	}

	private List<List<CustomerRecord>> grouped(int subjects, String pairs) {
		var result = new ArrayList<List<CustomerRecord>>(subjects);
		for (int i = 0; i < subjects; i++) {
			result.add(new ArrayList<>(2));
		}
		if (pairs == null) {
			return result;
		}
		this.jdbc
			.sql("SELECT c.n, a.id, a.name, a.registrable_domain, a.normalized_name, a.country FROM (" + pairs
					+ ") c JOIN account a ON a.id = c.id")
			.query(rs -> {
				result.get(rs.getInt(1))
					.add(new CustomerRecord(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getString(6)));
			});
		return result;
	}

}
