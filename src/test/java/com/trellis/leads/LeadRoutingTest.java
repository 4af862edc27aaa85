package com.trellis.leads;

import java.util.List;

import com.trellis.leads.LeadRouting.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadRoutingTest {

	@Test
	void routesToTheOwnerOfTheAccountWithTheSameDomainBeforeOneWithTheSameName() {
		var decision = LeadRouting.decide("acme.com", "acme",
				List.of(new Candidate(7, "Acme", "other.com", "acme", 70L),
						new Candidate(9, "Acme Europe", "acme.com", "acme europe", 90L)));
		assertThat(decision.repId()).isEqualTo(90L);
		assertThat(decision.accountId()).isEqualTo(9L);
		assertThat(decision.reason())
			.isEqualTo("Routed to the owner of account Acme Europe, which matches by same registrable domain acme.com");
	}

	@Test
	void routesByTheSameNormalisedNameWhenNoDomainMatches() {
		var decision = LeadRouting.decide(null, "acme", List.of(new Candidate(12, "ACME Inc.", null, "acme", 120L),
				new Candidate(4, "Acme Labs", null, "acme labs", 40L)));
		assertThat(decision.repId()).isEqualTo(120L);
		assertThat(decision.reason()).contains("same company name");
	}

	@Test
	void twoAccountsWithTheSameNameDoNotGoToTheLowestIdButWaitForThePam() {
		var decision = LeadRouting.decide(null, "acme", List.of(new Candidate(12, "ACME Inc.", null, "acme", 120L),
				new Candidate(4, "Acme", null, "acme", 40L)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.reason()).contains("the partner manager picks a rep");
	}

	@Test
	void onADomainFourteenAccountsShareTheNameDecides() {
		var accounts = new java.util.ArrayList<Candidate>();
		for (int i = 1; i <= 13; i++) {
			accounts.add(new Candidate(i, "Ashford " + TRADES[i - 1], "ashford.com",
					com.trellis.matching.CompanyIdentity.normalizedName("Ashford " + TRADES[i - 1]), 100L + i));
		}
		accounts.add(new Candidate(40, "Ashford Bank", "ashford.com", "ashford bank", 400L));
		var decision = LeadRouting.decide("ashford.com", "ashford bank", accounts);
		assertThat(decision.repId()).isEqualTo(400L);
		assertThat(decision.reason()).contains("14 candidates share the web domain ashford.com, so the name decides");
	}

	@Test
	void onASharedDomainWithoutAnAccountOfThatNameTheLeadWaitsForThePam() {
		var decision = LeadRouting.decide("ashford.com", "ashford bank",
				List.of(new Candidate(1, "Ashford Insurance", "ashford.com", "ashford insurance", 10L),
						new Candidate(2, "Ashford Hotels", "ashford.com", "ashford hotels", 20L)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isNull();
		assertThat(decision.reason()).contains("share the web domain ashford.com")
			.endsWith("the partner manager picks a rep");
	}

	@Test
	void aFreeMailDomainNeverRoutesALead() {
		var decision = LeadRouting.decide(com.trellis.matching.CompanyIdentity.identityDomain("gmail.com"),
				"zenith bakery", List.of(new Candidate(3, "Acme Plumbing", "gmail.com", "acme plumbing", 30L)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isNull();
	}

	private static final String[] TRADES = { "Insurance", "Hotels", "Motors", "Foods", "Pharma", "Logistics", "Retail",
			"Energy", "Media", "Health", "Capital", "Estates", "Airlines" };

	@Test
	void aSimilarButDifferentNameIsNoMatchAndThePamPicks() {
		var decision = LeadRouting.decide(null, "acme labs", List.of(new Candidate(4, "Acme", null, "acme", 40L)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isNull();
		assertThat(decision.reason()).startsWith("No account matches the company")
			.endsWith("the partner manager picks a rep");
	}

	@Test
	void aMatchingAccountWithoutOwnerLeavesTheChoiceToThePam() {
		var decision = LeadRouting.decide("acme.com", "acme",
				List.of(new Candidate(4, "Acme", "acme.com", "acme", null)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isEqualTo(4L);
		assertThat(decision.reason()).endsWith("has no owner; the partner manager picks a rep");
	}

	@Test
	void neverRoutesToADeactivatedOwnerButLeavesTheLeadToThePam() {
		var decision = LeadRouting.decide("acme.com", "acme",
				List.of(new Candidate(4, "Acme", "acme.com", "acme", 40L, false)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isEqualTo(4L);
		assertThat(decision.reason()).contains("its owner is deactivated; the partner manager picks a rep");
	}

}
