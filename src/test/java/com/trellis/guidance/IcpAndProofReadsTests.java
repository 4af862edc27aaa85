package com.trellis.guidance;

import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.deals.Deals;
import com.trellis.readiness.ReadinessAssessments;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ICP-mismatch and proof-point rules on the records as each person may see them.
 */
@TrellisTest
class IcpAndProofReadsTests {

	@Autowired
	Deals deals;

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

	@Test
	void theOwnerAndThePartnerOfAnEarlyDealOutsideTheIcpAreToldAndAnotherPartnerIsNot() {
		var world = this.fixtures.world("Icp Reads");
		var stranger = this.fixtures.world("Icp Stranger");
		this.jdbc.sql("UPDATE account SET industry = 'Retail', employee_band = '1-50' WHERE id = :id")
			.param("id", world.accountId())
			.update();
		var reads = new RuleReads(this.deals, this.accounts, this.readiness);
		var icp = Icp.of(List.of("Manufacturing"), List.of("201-1000"), List.of());

		var ae = reads.icpMismatches(world.ae(), icp, world.ae().userId(), 5);
		assertThat(ae).singleElement().satisfies(advice -> {
			assertThat(advice.kind()).isEqualTo(Kind.ICP_MISMATCH);
			assertThat(advice.actionLink()).isEqualTo("/opportunities/" + world.dealId());
			assertThat(advice.reason()).startsWith("Icp Reads customer is in Retail (the program targets the"
					+ " industries Manufacturing) and has 1-50 employees (the program targets the sizes 201-1000).");
		});
		assertThat(reads.icpMismatches(world.partnerUser(), icp, null, 5)).extracting(Advice::actionLink)
			.contains("/opportunities/" + world.dealId());
		assertThat(reads.icpMismatches(stranger.partnerUser(), icp, null, 5)).extracting(Advice::actionLink)
			.doesNotContain("/opportunities/" + world.dealId());
		assertThat(reads.icpMismatches(world.ae(), Icp.NONE, world.ae().userId(), 5)).as("no ICP").isEmpty();
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
		var reads = new RuleReads(this.deals, this.accounts, this.readiness);
		assertThat(reads.proofPoints(stranger.partnerUser(), world.partnerId())).isEmpty();
	}

}
