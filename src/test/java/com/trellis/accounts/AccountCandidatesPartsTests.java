package com.trellis.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.trellis.matching.Company;
import com.trellis.matching.CompanyIdentity;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one pass over the accounts finds each kind of candidate, and finds the same when
 * the account table is read in parts on several connections (as a large table is) as when
 * it is read whole on the caller's connection.
 */
@TrellisTest
class AccountCandidatesPartsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Clock clock;

	@Test
	void readingTheAccountsInPartsFindsTheCandidatesReadingThemWholeFinds() {
		long owner = this.fixtures.world("Candidates In Parts").ae().userId();
		// the database outlives a run: this test's accounts of an earlier run go first
		this.jdbc.sql("DELETE FROM account WHERE normalized_name ~ '^(quillomantra|qm freight|vendrastique)'").update();
		long logistics = account("Quillomantra Logistics GmbH", "quillomantra.de", owner);
		long shortName = account("Quillomantra", null, owner);
		long sameDomain = account("QM Freight", "quillomantra.de", owner);
		long longer = account("Vendrastique Analytics Europe", null, owner);
		var list = List.of(Company.of("Quillomantra Logistic", null, "DE"),
				Company.of("Quillomantra Logistics", "www.quillomantra.de", "DE"),
				Company.of("Vendrastique Analytics", null, "DE"), Company.of("Unheardof Greenfield", null, "DE"));

		var whole = find(new AccountCandidates(this.jdbc, this.dataSource, 1, Long.MAX_VALUE), list);
		var inParts = find(new AccountCandidates(this.jdbc, this.dataSource, 3, 0), list);

		assertThat(whole).isEqualTo(inParts);
		// one slip apart, and shortened by a word
		assertThat(whole.get(0)).isEqualTo("first [] further " + new TreeSet<>(List.of(logistics, shortName)));
		// the same domain or name first; the same name is also no slip apart from itself
		assertThat(whole.get(1)).isEqualTo("first " + new TreeSet<>(List.of(logistics, sameDomain)) + " further "
				+ new TreeSet<>(List.of(logistics, shortName)));
		// extended by a word
		assertThat(whole.get(2)).isEqualTo("first [] further [" + longer + "]");
		assertThat(whole.get(3)).isEqualTo("first [] further []");
	}

	/** Each company's candidates as text: the ids of first and further, sorted. */
	private List<String> find(AccountCandidates candidates, List<Company> list) {
		var found = this.transactions.execute(s -> candidates.find(list, ListMatching.EXTENSIONS));
		return java.util.stream.IntStream.range(0, list.size())
			.mapToObj(i -> "first " + ids(found.first().get(i)) + " further " + ids(found.further().get(i)))
			.toList();
	}

	private static TreeSet<Long> ids(List<CustomerRecord> records) {
		var ids = new TreeSet<Long>();
		records.forEach(r -> ids.add(r.accountId()));
		return ids;
	}

	private long account(String name, String domain, long owner) {
		return this.jdbc
			.sql("""
					INSERT INTO account (name, web_domain, industry, owner_ae_id, created_at, updated_at, registrable_domain,
					                     normalized_name, country)
					VALUES (:name, :domain, 'Retail', :owner, :now, :now, :registrable, :normalized, 'DE') RETURNING id
					""")
			.param("name", name)
			.param("domain", domain)
			.param("owner", owner)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("registrable", CompanyIdentity.registrableDomain(domain))
			.param("normalized", CompanyIdentity.normalizedName(name))
			.query(Long.class)
			.single();
	}

}
