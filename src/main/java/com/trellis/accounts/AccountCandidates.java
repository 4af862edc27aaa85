package com.trellis.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.shared.PgCopy;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Candidate accounts for many companies at once (a partner's list of 100,000), set-based:
 * the companies are copied into a temporary table and joined with the accounts, so the
 * database answers in a few hash joins instead of one query per company. Two rounds:
 * first the same registrable domain or the same normalised name; then, only for the
 * companies the caller found no sure match for, names one slip of the keyboard apart in
 * one word, by one pass over the accounts' names ({@link SlipNeighbours}). A trigram
 * probe per company (the {@code pg_trgm} index the one-at-a-time search uses) costs over
 * 15 ms at a million accounts whose names share common words, too slow for 100,000
 * companies.
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
				                                      by_similarity BOOLEAN NOT NULL DEFAULT FALSE)
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
	 * companies given by index ({@code names} holds every company's normalised name): the
	 * accounts' names are read once, in one sequential pass ({@code COPY}), and each
	 * account's {@link com.trellis.matching.OneSlipKeys} looked up among the companies'
	 * ({@link SlipNeighbours}). A probe per company (the GIN index on slip keys V74 had)
	 * read some sixty rows a company at a million accounts; this pass costs about what
	 * one scan of the account table costs, whatever the list's size, and finds only names
	 * one slip apart, not every name sharing a word's first three letters.
	 */
	List<List<CustomerRecord>> oneSlipApart(List<String> names, List<Integer> which) {
		if (which.isEmpty()) {
			return empty(names.size());
		}
		this.jdbc.sql("UPDATE match_subject SET by_similarity = TRUE WHERE n = ANY(:which)")
			.param("which", which.toArray(Integer[]::new))
			.update();
		this.jdbc.sql("ANALYZE match_subject").update();
		var neighbours = new SlipNeighbours(names, which);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			var out = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY (SELECT id, normalized_name FROM account WHERE normalized_name IS NOT NULL) TO STDOUT");
			byte[] row;
			while ((row = out.readFromCopy()) != null) {
				int tab = 0;
				long id = 0;
				while (row[tab] != '\t') {
					id = id * 10 + (row[tab++] - '0');
				}
				int end = row[row.length - 1] == '\n' ? row.length - 1 : row.length;
				neighbours.offer(id, copyText(row, tab + 1, end));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the accounts' names", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		var ids = new HashSet<Long>();
		for (int p = 0; p < neighbours.pairs(); p++) {
			ids.add(neighbours.accountOf(p));
		}
		var records = new HashMap<Long, CustomerRecord>();
		this.jdbc.sql("SELECT id, name, registrable_domain, normalized_name, country FROM account WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				records.put(rs.getLong(1), new CustomerRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5)));
			});
		var result = empty(names.size());
		for (int p = 0; p < neighbours.pairs(); p++) {
			var found = result.get(neighbours.companyOf(p));
			var record = records.get(neighbours.accountOf(p));
			if (record != null && found.stream().noneMatch(r -> r.accountId() == record.accountId())) {
				found.add(record);
			}
		}
		return result;
	}

	/** A text value of COPY's text format (backslash escapes undone). */
	private static String copyText(byte[] row, int from, int to) {
		var text = new String(row, from, to - from, StandardCharsets.UTF_8);
		if (text.indexOf('\\') < 0) {
			return text;
		}
		var plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				plain.append(c);
				continue;
			}
			char escaped = text.charAt(++i);
			plain.append(switch (escaped) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> escaped;
			});
		}
		return plain.toString();
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
