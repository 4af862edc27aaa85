package com.trellis.accounts;

import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyMatcher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts that may be one company, for a decision by
 * {@link com.trellis.matching.BestMatch} (a lead's routing), in one statement through
 * indexes: the same registrable domain; names whose lead and second long word are each
 * similar by trigrams ({@link CompanyMatcher#CANDIDATE_WORD_SIMILARITY}, searched over
 * the distinct names, V159), which every name the matcher takes for the company's has,
 * and the names merely close that it offers as possible (a word Jaro-Winkler close)
 * mostly have; and names one extends by whole words, the other possible matches
 * ("Talvoring", "Talvoring Consulting"), by equality and by a range of the name index in
 * byte order (V66). Up to {@code limit} of each kind; with each account's owner.
 * <p>
 * Instead of the whole-name trigram search
 * ({@link AccountRepository#customerCandidates}), which at PostgreSQL's default threshold
 * (0.3) missed a name with two long words each misspelt (two neighbours swapped in each
 * word of "Kestral Vandomi": whole names about 0.27 similar), and on 100,000 accounts
 * read thousands of rows for a name with a common word.
 */
@Repository
class CompanyCandidates {

	private final JdbcClient jdbc;

	CompanyCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AccountCandidate> find(String registrableDomain, String normalizedName, int limit) {
		var words = normalizedName == null ? List.<String>of() : CompanyMatcher.longWords(normalizedName);
		return this.jdbc
			.sql("""
					(SELECT id, name, registrable_domain, normalized_name, country, owner_ae_id FROM account
					 WHERE registrable_domain = :domain LIMIT :limit)
					UNION
					%s
					UNION
					(SELECT id, name, registrable_domain, normalized_name, country, owner_ae_id FROM account
					 WHERE normalized_name COLLATE "C" = ANY (CAST(:shorter AS TEXT[])) LIMIT :limit)
					UNION
					(SELECT id, name, registrable_domain, normalized_name, country, owner_ae_id FROM account
					 WHERE normalized_name COLLATE "C" >= :name || ' ' AND normalized_name COLLATE "C" < :name || '!'
					 ORDER BY normalized_name COLLATE "C", id LIMIT :limit)
					""".formatted(AccountRepository
				.similarWords("a.id, a.name, a.registrable_domain, a.normalized_name, a.country, a.owner_ae_id")))
			.param("domain", registrableDomain == null ? "" : registrableDomain)
			.param("name", normalizedName == null ? "" : normalizedName)
			.param("lead", words.isEmpty() ? null : words.get(0))
			.param("second", words.size() > 1 ? words.get(1) : null)
			.param("shorter", shorter(normalizedName))
			.param("t", Double.toString(CompanyMatcher.CANDIDATE_WORD_SIMILARITY))
			.param("limit", limit)
			.query((rs, n) -> new AccountCandidate(
					new CustomerRecord(rs.getLong("id"), rs.getString("name"), rs.getString("registrable_domain"),
							rs.getString("normalized_name"), rs.getString("country")),
					rs.getObject("owner_ae_id", Long.class)))
			.list();
	}

	/**
	 * The names the given one extends by whole words: its first words, fewer than all.
	 */
	static String[] shorter(String normalizedName) {
		if (normalizedName == null) {
			return new String[0];
		}
		var words = normalizedName.split(" ");
		var names = new ArrayList<String>();
		for (int i = 1; i < words.length; i++) {
			names.add(String.join(" ", java.util.Arrays.copyOf(words, i)));
		}
		return names.toArray(String[]::new);
	}

}
