package com.trellis.guidance;

import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.readiness.ReadinessAssessments;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ICP-mismatch and proof-point rules on the records as each person may see them.
 */
@GuidanceRunTest
class IcpAndProofReadsTests {

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.PartnerOutcomes outcomes;

	@Autowired
	Accounts accounts;

	@Autowired
	ReadinessAssessments readiness;

	@Autowired
	Advisors advisors;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgramIcp programIcp;

	@Test
	void theOwnerAndThePartnerOfAnEarlyDealOutsideTheIcpAreToldAndAnotherPartnerIsNot() {
		var world = this.fixtures.world("Icp Reads");
		var stranger = this.fixtures.world("Icp Stranger");
		this.jdbc.sql("UPDATE account SET industry = 'Retail', employee_band = '1-50' WHERE id = :id")
			.param("id", world.accountId())
			.update();
		var reads = new RuleReads(this.deals, this.outcomes, this.accounts, this.readiness);
		var icp = Icp.of(List.of("Manufacturing"), List.of("201-1000"), List.of());

		var ae = reads.icpMismatches(world.ae(), icp, RuleReads.DealScope.ownedBy(List.of(world.ae().userId())), 5);
		assertThat(ae).singleElement().satisfies(advice -> {
			assertThat(advice.kind()).isEqualTo(Kind.ICP_MISMATCH);
			assertThat(advice.actionLink()).isEqualTo("/opportunities/" + world.dealId());
			assertThat(advice.reason()).startsWith("Icp Reads customer is in Retail (the program targets the"
					+ " industries Manufacturing) and has 1-50 employees (the program targets the sizes 201-1000).");
		});
		assertThat(reads.icpMismatches(world.partnerUser(), icp, RuleReads.DealScope.VISIBLE, 5))
			.extracting(Advice::actionLink)
			.contains("/opportunities/" + world.dealId());
		assertThat(reads.icpMismatches(stranger.partnerUser(), icp, RuleReads.DealScope.VISIBLE, 5))
			.extracting(Advice::actionLink)
			.doesNotContain("/opportunities/" + world.dealId());
		assertThat(
				reads.icpMismatches(world.ae(), Icp.NONE, RuleReads.DealScope.ownedBy(List.of(world.ae().userId())), 5))
			.as("no ICP")
			.isEmpty();
	}

	@Test
	void aPamIsToldOnlyOfEarlyDealsOfPartnersInHisBookAndAManagerOfHisTeamsDeals() {
		var world = this.fixtures.world("Icp Book");
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var report = this.fixtures.user(Role.AE, null, manager.userId());
		long account = this.fixtures.account("Icp Team customer", null, report.userId());
		long teamDeal = this.fixtures.partnerDeal(account, report.userId(), world.partnerId(), "9000.00");
		var admin = this.fixtures.user(Role.ADMIN);
		var before = this.programIcp.view(admin);
		// every fixture customer is in Retail, as are many of the demo's
		this.programIcp.set(admin, List.of("Manufacturing"), List.of(), List.of(), null);
		try {
			var everyone = this.advisors.everyone();

			var pams = links(everyone.get(world.pam().userId()));
			assertThat(pams).as("the PAM's book holds one partner with two early deals")
				.containsExactlyInAnyOrder("/opportunities/" + world.dealId(), "/opportunities/" + teamDeal);
			assertThat(links(everyone.get(manager.userId()))).as("his report's deal")
				.containsExactly("/opportunities/" + teamDeal);
			assertThat(links(everyone.get(report.userId()))).containsExactly("/opportunities/" + teamDeal);
			assertThat(links(everyone.get(world.ae().userId()))).containsExactly("/opportunities/" + world.dealId());
		}
		finally {
			this.programIcp.set(admin, before.industries(), before.employeeBands(), before.countries(), null);
		}
	}

	private static List<String> links(List<Advice> advice) {
		return advice.stream().filter(a -> a.kind() == Kind.ICP_MISMATCH).map(Advice::actionLink).toList();
	}

	@Test
	void aPartnerWithoutAssessmentIsAskedForItsProofAndNobodyReadsAnotherPartnersAssessment() {
		var world = this.fixtures.world("Proof Reads");
		var stranger = this.fixtures.world("Proof Stranger");

		var advice = this.advisors.partner(world.partnerUser(), world.partnerId());

		assertThat(advice).filteredOn(a -> a.kind() == Kind.PROOF_POINTS).singleElement().satisfies(a -> {
			assertThat(a.reason()).startsWith("You have not described your use cases yet;");
			assertThat(a.actionLink()).isEqualTo("/partners/" + world.partnerId() + "/readiness");
		});
		var reads = new RuleReads(this.deals, this.outcomes, this.accounts, this.readiness);
		assertThat(reads.proofPoints(stranger.partnerUser(), world.partnerId())).isEmpty();
	}

}
