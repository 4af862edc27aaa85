package com.trellis.hygiene;

import java.time.LocalDate;
import java.util.List;

import com.trellis.deals.Deals;
import com.trellis.facts.DealFacts;
import com.trellis.metrics.ExchangeRates;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): the open deals whose owner is not their account's owner,
 * kept by the triggers of V121 ({@code hygiene_owner_mismatch}), equal a recomputation
 * from the deals and accounts after a random sequence of registrations, stage moves,
 * closes, reopens, credit changes, partner attachments and hand-overs, then the account's
 * owner changed, removed and given back and deals reassigned in one statement; the
 * check's count read from them equals the join of every open deal to its account it
 * replaced, for the program, a PAM's book and a sales manager's team; and the facts
 * rebuild gives the same rows again.
 */
@TrellisTest
class OwnerMismatchPropertyTests {

	private static final long SEED = 20261202L;

	private static final int STEPS = 125;

	/** The count as it was read before V121. */
	private static final String REPLACED_COUNT = """
			SELECT count(*) FROM opportunity o JOIN account a ON a.id = o.account_id
			WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND %s AND o.owner_id <> a.owner_ae_id
			""";

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HygieneRepository repository;

	@Test
	void keptMismatchesEqualARecomputationAndTheCountsTheJoinTheyReplaced() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var admin = changes.run(SEED, STEPS);
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen");
		long account = this.jdbc.sql("SELECT id FROM account WHERE name = :name")
			.param("name", "Random Customer " + SEED)
			.query(Long.class)
			.single();
		var owners = this.jdbc
			.sql("SELECT DISTINCT owner_id FROM opportunity WHERE account_id = :account ORDER BY owner_id")
			.param("account", account)
			.query(Long.class)
			.list();
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE name = :name")
			.param("name", "Random Partner A " + SEED)
			.query(Long.class)
			.single();
		assertThat(owners).as("deals of the account owned by several reps").hasSizeGreaterThan(1);
		var scopes = List.of(HygieneScope.PROGRAM, HygieneScope.book(pam), HygieneScope.team(owners.subList(0, 1)),
				HygieneScope.team(owners));
		long first = compare(scopes);
		long ofAccount = ofAccount(account);
		assertThat(ofAccount).as("mismatches of the account after the random sequence").isPositive();
		// the account changes hands, loses its owner, gets one back
		long originalOwner = this.jdbc.sql("SELECT owner_ae_id FROM account WHERE id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE account SET owner_ae_id = :owner WHERE id = :id")
			.param("owner", owners.get(owners.size() - 1))
			.param("id", account)
			.update();
		compare(scopes);
		this.jdbc.sql("UPDATE account SET owner_ae_id = NULL WHERE id = :id").param("id", account).update();
		assertThat(compare(scopes)).isEqualTo(first - ofAccount);
		assertThat(ofAccount(account)).as("an account without an owner fails no deal").isZero();
		this.jdbc.sql("UPDATE account SET owner_ae_id = :owner WHERE id = :id")
			.param("owner", originalOwner)
			.param("id", account)
			.update();
		assertThat(compare(scopes)).isEqualTo(first);
		// several open deals handed to the account's owner in one statement
		this.jdbc.sql("""
				UPDATE opportunity SET owner_id = :owner WHERE id IN (SELECT id FROM opportunity
				  WHERE account_id = :account AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND owner_id <> :owner
				  ORDER BY id LIMIT 3)
				""").param("owner", originalOwner).param("account", account).update();
		assertThat(compare(scopes)).isLessThan(first);
		// the rebuild gives the same rows again
		var kept = kept();
		this.facts.rebuild(admin);
		assertThat(kept()).as("after the rebuild").containsExactlyElementsOf(kept);
	}

	/** Compares the kept rows and each scope's count; returns the program's count. */
	private long compare(List<HygieneScope> scopes) {
		assertThat(kept()).as("kept mismatches").containsExactlyElementsOf(recomputed());
		var norms = new HygieneRepository.Norms(new String[0], new Integer[0], new String[0]);
		for (var scope : scopes) {
			var query = this.repository.query(HygieneCheck.OWNER_NOT_ACCOUNT_OWNER, scope, this.clock.instant(),
					LocalDate.now(this.clock), norms);
			long replaced = scope.bind(this.jdbc.sql(REPLACED_COUNT.formatted(scope.deals())))
				.query(Long.class)
				.single();
			assertThat(this.repository.count(query, scope)).as("count in %s", scope).isEqualTo(replaced);
		}
		return this.repository.count(this.repository.query(HygieneCheck.OWNER_NOT_ACCOUNT_OWNER, HygieneScope.PROGRAM,
				this.clock.instant(), LocalDate.now(this.clock), norms), HygieneScope.PROGRAM);
	}

	private long ofAccount(long account) {
		return this.jdbc.sql("""
				SELECT count(*) FROM hygiene_owner_mismatch m JOIN opportunity o ON o.id = m.opportunity_id
				WHERE o.account_id = :account
				""").param("account", account).query(Long.class).single();
	}

	private List<String> kept() {
		return this.jdbc.sql(
				"SELECT concat_ws('|', opportunity_id, partner_id, owner_id) FROM hygiene_owner_mismatch ORDER BY opportunity_id")
			.query(String.class)
			.list();
	}

	private List<String> recomputed() {
		return this.jdbc
			.sql("""
					SELECT concat_ws('|', o.id, o.partner_id, o.owner_id) FROM opportunity o JOIN account a ON a.id = o.account_id
					WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND o.owner_id <> a.owner_ae_id ORDER BY o.id
					""")
			.query(String.class)
			.list();
	}

}
