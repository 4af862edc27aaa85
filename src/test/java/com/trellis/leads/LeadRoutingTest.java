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
			.isEqualTo("Routed to the owner of account Acme Europe, which matches by the same web domain acme.com");
	}

	@Test
	void routesByTheSameNormalisedNameWhenNoDomainMatches() {
		var decision = LeadRouting.decide(null, "acme", List.of(new Candidate(12, "ACME Inc.", null, "acme", 120L),
				new Candidate(4, "Acme", null, "acme", 40L)));
		assertThat(decision.repId()).isEqualTo(40L);
		assertThat(decision.reason()).contains("the same company name");
	}

	@Test
	void aSimilarButDifferentNameIsNoMatchAndThePamPicks() {
		var decision = LeadRouting.decide(null, "acme labs", List.of(new Candidate(4, "Acme", null, "acme", 40L)));
		assertThat(decision.routed()).isFalse();
		assertThat(decision.accountId()).isNull();
		assertThat(decision.reason()).isEqualTo("No account matches the company; the partner manager picks a rep");
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
