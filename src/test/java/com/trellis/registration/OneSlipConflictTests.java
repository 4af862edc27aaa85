package com.trellis.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.accounts.Accounts;
import com.trellis.accounts.CustomerRecord;
import com.trellis.matching.CompanyIdentity;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One slip of the keyboard in a word of five letters or more, also one that makes it a
 * four-letter word ("Northgate Watr District" for "Northgate Water District"), is the
 * same customer for the whole conflict check: the search of the names registered, the
 * re-read and the claims under the lock, the search of the accounts, and a registration
 * of another partner held behind the first, in either order. Each failed while a
 * four-letter word had to match exactly and made its own name shape.
 */
@TrellisTest
class OneSlipConflictTests {

	private static final AtomicInteger round = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	ConflictFinder finder;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegistrationWithAWordSlippedToFourLettersIsHeldBehindTheApprovedOne() throws Exception {
		var first = this.fixtures.world("Water Board Partners");
		var second = this.fixtures.world("Watr Board Partners");
		var approved = approved(first, "Northgate Water District");

		var held = new Api(this.mvc, this.fixtures.token(second.partnerUser()))
			.post("/api/v1/registrations", body("Northgate Watr District"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.status").value("ON_HOLD"))
			.andExpect(jsonPath("$.conflict").value(true))
			.andReturn();
		long heldId = ((Number) com.jayway.jsonpath.JsonPath.read(held.getResponse().getContentAsString(), "$.id"))
			.longValue();
		new Api(this.mvc, this.fixtures.token(second.pam())).get("/api/v1/registrations/" + heldId + "/conflicts")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].candidateId", org.hamcrest.Matchers.hasItem((int) approved)));
		assertThat(this.registrations.conflicts(second.pam(), heldId)).anySatisfy(c -> {
			assertThat(c.candidateKind()).isEqualTo("REGISTRATION");
			assertThat(c.candidateId()).isEqualTo(approved);
		});
	}

	@Test
	void aRegistrationOfTheFullWordIsHeldBehindTheApprovedOneWithTheWordSlipped() {
		var first = this.fixtures.world("Short Spelling Partners");
		var second = this.fixtures.world("Full Spelling Partners");
		long approved = approved(first, "Lakeshore Watr Authority");

		var held = this.registrations.register(second.partnerUser(),
				RegistrationTests.command("Lakeshore Water Authority", null));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(this.registrations.conflicts(second.pam(), held.id()))
			.anySatisfy(c -> assertThat(c.candidateId()).isEqualTo(approved));
	}

	@Test
	void anOpenDealOnAnAccountOneSlipAwayHoldsTheRegistrationInEitherOrder() {
		var owner = this.fixtures.world("Deal Owner Partners");
		var registrant = this.fixtures.world("Deal Registrant Partners");
		for (var names : List.of(List.of("Riverbend Water District", "Riverbend Watr District"),
				List.of("Pacific Watr Board", "Pacific Water Board"))) {
			long account = this.fixtures.account(names.get(0), null, owner.ae().userId());
			long deal = this.fixtures.partnerDeal(account, owner.ae().userId(), owner.partnerId(), "50000.00");

			var held = this.registrations.register(registrant.partnerUser(),
					RegistrationTests.command(names.get(1), null));
			assertThat(held.status()).as(names.toString()).isEqualTo(RegistrationStatus.ON_HOLD);
			assertThat(held.statusReason()).contains("Another partner's open deal");
			assertThat(this.registrations.conflicts(registrant.pam(), held.id())).as(names.toString()).anySatisfy(c -> {
				assertThat(c.candidateKind()).isEqualTo("OPPORTUNITY");
				assertThat(c.candidateId()).isEqualTo(deal);
			});
		}
	}

	/**
	 * Random names (fixed seed) registered by one partner, or the account of another
	 * partner's open deal, and the same name with one slip registered by a third: found
	 * by the search of the names registered, the re-read under the lock, the claims and
	 * the search of the accounts, and held.
	 */
	@Test
	void everyOneSlipSpellingIsFoundByEverySearchAndHeld() {
		int n = 7300 + round.incrementAndGet();
		var random = new Random(20261202L + n);
		var registrant = this.fixtures.world("Slip Registrant " + n);
		var other = this.fixtures.world("Slip Other " + n);
		var holder = this.fixtures.world("Slip Holder " + n);
		int tried = 0;
		for (int i = 0; tried < 40; i++) {
			var pair = OneSlip.pair(random);
			var original = pair.original() + " " + n + i;
			var slipped = pair.slipped() + " " + n + i;
			// either spelling first
			var first = i % 2 == 0 ? original : slipped;
			var second = i % 2 == 0 ? slipped : original;
			if (!first.equals(CompanyIdentity.normalizedName(first))
					|| !second.equals(CompanyIdentity.normalizedName(second))) {
				continue;
			}
			tried++;
			var what = first + " / " + second;
			var registered = this.registrations.register(other.partnerUser(), RegistrationTests.command(first, null));
			long account = this.fixtures.account(first, null, holder.ae().userId());
			long deal = this.fixtures.partnerDeal(account, holder.ae().userId(), holder.partnerId(), "10000.00");
			var customer = Customer.of(second, null);
			this.transactions.executeWithoutResult(status -> {
				var found = this.finder.search(customer);
				assertThat(found.names()).as(what).contains(first);
				assertThat(this.finder.lockThenRegistrations(customer, found)).as(what)
					.anySatisfy(c -> assertThat(c.id()).isEqualTo(registered.id()));
				assertThat(this.finder.lockThenClaims(customer, found, other.partnerId()).candidates()).as(what)
					.anySatisfy(c -> assertThat(c.id()).isEqualTo(registered.id()));
				assertThat(this.accounts
					.customerCandidatesByWords(null, customer.normalizedName(),
							CustomerLocks.leadWord(customer.normalizedName()),
							CustomerLocks.secondWord(customer.normalizedName()), CustomerLocks.WORD_SIMILARITY, 50)
					.stream()
					.map(CustomerRecord::accountId)).as(what).contains(account);
				assertThat(this.finder.deals(customer, null)).as(what)
					.anySatisfy(c -> assertThat(c.id()).isEqualTo(deal));
				status.setRollbackOnly();
			});
			var held = this.registrations.register(registrant.partnerUser(), RegistrationTests.command(second, null));
			assertThat(held.status()).as(what).isEqualTo(RegistrationStatus.ON_HOLD);
			var claimed = new ArrayList<Long>();
			this.registrations.conflicts(registrant.pam(), held.id()).forEach(c -> claimed.add(c.candidateId()));
			assertThat(claimed).as(what).containsAnyOf(registered.id(), deal);
		}
	}

	/**
	 * The database's copies of the keys (the stored shape, lead and second word of the
	 * registrations, of {@code registration_name} and of {@code account_name}) equal the
	 * Java definitions, for random names and their slips, numbers and short words
	 * included.
	 */
	@Test
	void theDatabasesKeysOfANameAreTheJavaOnes() {
		var random = new Random(7);
		var names = new ArrayList<String>();
		for (int i = 0; i < 2_000; i++) {
			var pair = OneSlip.pair(random);
			names.add(pair.original());
			names.add(pair.slipped());
		}
		names.addAll(List.of("northgate watr district", "acme labs", "ace of spades", "initech 2 systems", "ab 12",
				"2020 data", "city of westfield"));
		var rows = this.jdbc.sql("""
				SELECT n, registration_name_shape(n), registration_lead_word(n), registration_second_word(n)
				FROM unnest(CAST(:names AS TEXT[])) AS n
				""")
			.param("names", names.toArray(String[]::new))
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		assertThat(rows).hasSize(names.size());
		for (var row : rows) {
			assertThat(new String[] { row[1], row[2], row[3] }).as(row[0])
				.containsExactly(CustomerLocks.shape(row[0]), CustomerLocks.leadWord(row[0]),
						CustomerLocks.secondWord(row[0]));
		}
	}

	private long approved(Fixtures.World world, String customer) {
		var registered = this.registrations.register(world.partnerUser(), RegistrationTests.command(customer, null));
		assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);
		return this.registrations.approve(world.pam(), registered.id(), new ApproveCommand(world.ae().userId(), null))
			.id();
	}

	private static String body(String customer) {
		return """
				{"customerName": "%s", "customerNeed": "Replace the legacy order system before Q3", "amount": 48000,
				 "currency": "USD", "expectedCloseDate": "2027-04-30", "creditType": "SOURCED"}
				""".formatted(customer);
	}

}
