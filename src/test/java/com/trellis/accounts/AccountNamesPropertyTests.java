package com.trellis.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.matching.CompanyMatcher;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept distinct account names (V159, {@code account_name}) after a random sequence
 * (fixed seed) of accounts inserted one at a time and several in one statement, renamed
 * (to another name, to none, from none) and deleted one or several at a time: the rows
 * equal a recomputation from the accounts after every step, and the search of the
 * accounts that may be a customer through them
 * ({@link Accounts#customerCandidatesByWords}) finds the same accounts as the filter on
 * every account it replaced, with the same closest-first limit. The rebuild repairs rows
 * that went wrong.
 */
@TrellisTest
class AccountNamesPropertyTests {

	private static final AtomicInteger round = new AtomicInteger();

	private static final List<String> WORDS = List.of("kalvorin", "kalvorim", "klavorin", "pendrax", "dentix",
			"dentrix", "marlowe", "co", "ab", "zest");

	/** The search before V159: the filter on every account's own words. */
	private static final String BEFORE = """
			SELECT a.id FROM (SELECT set_config('pg_trgm.similarity_threshold', :t, true) AS threshold OFFSET 0) AS s
			CROSS JOIN LATERAL (
			    SELECT id, normalized_name FROM account
			    WHERE s.threshold IS NOT NULL
			      AND (CAST(:lead AS TEXT) IS NULL AND normalized_name COLLATE "C" = :name
			           OR registration_lead_word(normalized_name) % CAST(:lead AS TEXT) AND CAST(:second AS TEXT) IS NULL
			              AND registration_second_word(normalized_name) IS NULL
			           OR registration_lead_word(normalized_name) % CAST(:lead AS TEXT)
			              AND registration_second_word(normalized_name) % CAST(:second AS TEXT))
			    ORDER BY normalized_name <-> :name, id LIMIT :limit) AS a""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void theKeptNamesEqualARecountAndFindTheSameAccounts() {
		String marker = Integer.toString(7_100_000 + round.incrementAndGet());
		var random = new Random(20261202L);
		var ids = new ArrayList<Long>();
		int probes = 0;
		for (int step = 0; step < 160; step++) {
			int move = random.nextInt(20);
			if (move < 7 || ids.size() < 3) {
				ids.add(insert(name(random, marker)));
			}
			else if (move < 9) {
				for (int i = 0; i < 3; i++) {
					ids.add(insert(name(random, marker)));
				}
				var several = List.of(name(random, marker), name(random, marker), name(random, marker));
				ids.addAll(this.jdbc.sql("""
						INSERT INTO account (name, normalized_name, created_at, updated_at)
						SELECT n, n, now(), now() FROM unnest(CAST(:names AS TEXT[])) AS n RETURNING id
						""").param("names", several.toArray(String[]::new)).query(Long.class).list());
			}
			else if (move < 14) {
				rename(ids.get(random.nextInt(ids.size())), random.nextInt(8) == 0 ? null : name(random, marker));
			}
			else if (move < 18) {
				delete(List.of(ids.remove(random.nextInt(ids.size()))));
			}
			else {
				var gone = List.of(ids.remove(random.nextInt(ids.size())), ids.remove(random.nextInt(ids.size())));
				delete(gone);
			}
			assertThat(kept(marker)).as("step %d", step).isEqualTo(recounted(marker));
			if (step % 8 == 7) {
				for (int i = 0; i < 4; i++) {
					compareSearch(name(random, marker), 1 + random.nextInt(6));
					probes++;
				}
			}
		}
		assertThat(probes).isEqualTo(80);
		assertThat(ids).isNotEmpty();
		// repaired by the rebuild: a row gone, a count wrong, a name no account has
		this.jdbc
			.sql("DELETE FROM account_name WHERE normalized_name = (SELECT min(normalized_name) FROM account_name"
					+ " WHERE normalized_name LIKE '%' || :marker)")
			.param("marker", marker)
			.update();
		this.jdbc.sql("UPDATE account_name SET accounts = accounts + 5 WHERE normalized_name LIKE '%' || :marker")
			.param("marker", marker)
			.update();
		this.jdbc.sql("INSERT INTO account_name VALUES ('nobody here ' || :marker, 'nobody', NULL, 1)")
			.param("marker", marker)
			.update();
		assertThat(kept(marker)).isNotEqualTo(recounted(marker));
		this.jdbc.sql("SELECT account_name_rebuild()").query().singleRow();
		assertThat(kept(null)).isEqualTo(recounted(null));
	}

	private void compareSearch(String name, int limit) {
		var words = CompanyMatcher.longWords(name);
		String lead = words.isEmpty() ? null : words.get(0);
		String second = words.size() > 1 ? words.get(1) : null;
		var params = new HashMap<String, Object>();
		params.put("name", name);
		params.put("lead", lead);
		params.put("second", second);
		params.put("t", Double.toString(CompanyMatcher.CANDIDATE_WORD_SIMILARITY));
		params.put("limit", limit);
		var before = Set.copyOf(this.jdbc.sql(BEFORE).params(params).query(Long.class).list());
		var after = this.accounts
			.customerCandidatesByWords(null, name, lead, second, CompanyMatcher.CANDIDATE_WORD_SIMILARITY, limit)
			.stream()
			.map(CustomerRecord::accountId)
			.toList();
		assertThat(Set.copyOf(after)).as("%s, limit %d", name, limit).isEqualTo(before).hasSize(after.size());
	}

	/**
	 * One to three words of the vocabulary, then the marker (a word no search keys on).
	 */
	private static String name(Random random, String marker) {
		var words = new ArrayList<String>();
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			words.add(WORDS.get(random.nextInt(WORDS.size())));
		}
		words.add(marker);
		return String.join(" ", words);
	}

	private long insert(String name) {
		return this.jdbc.sql("""
				INSERT INTO account (name, normalized_name, created_at, updated_at) VALUES (:name, :name, now(), now())
				RETURNING id
				""").param("name", name).query(Long.class).single();
	}

	private void rename(long id, String name) {
		this.jdbc.sql("UPDATE account SET normalized_name = :name, updated_at = now() WHERE id = :id")
			.param("name", name)
			.param("id", id)
			.update();
	}

	private void delete(List<Long> gone) {
		this.jdbc.sql("DELETE FROM account WHERE id IN (:ids)").param("ids", gone).update();
	}

	private List<Map<String, Object>> kept(String marker) {
		return this.jdbc.sql("""
				SELECT normalized_name, lead_word, second_word, accounts FROM account_name
				WHERE CAST(:marker AS TEXT) IS NULL OR normalized_name LIKE '%' || :marker ORDER BY normalized_name
				""").param("marker", marker).query().listOfRows();
	}

	private List<Map<String, Object>> recounted(String marker) {
		return this.jdbc.sql("""
				SELECT normalized_name, registration_lead_word(normalized_name) AS lead_word,
				       registration_second_word(normalized_name) AS second_word, CAST(count(*) AS INT) AS accounts
				FROM account
				WHERE normalized_name IS NOT NULL
				  AND (CAST(:marker AS TEXT) IS NULL OR normalized_name LIKE '%' || :marker)
				GROUP BY normalized_name ORDER BY normalized_name
				""").param("marker", marker).query().listOfRows();
	}

}
