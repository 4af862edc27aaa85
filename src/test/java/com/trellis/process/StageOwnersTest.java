package com.trellis.process;

import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageOwnersTest {

	@Test
	void aRefusalNamesThePersonOfThisDeal() {
		assertThat(StageOwners.refusal(stage("Commit", Role.SALES_MANAGER), true))
			.isEqualTo("In Commit, only the deal owner's sales manager or a program admin may act on this deal");
		assertThat(StageOwners.refusal(stage("Registered", Role.PAM), true))
			.isEqualTo("In Registered, only the PAM of the deal's partner or a program admin may act on this deal");
	}

	@Test
	void aPartnersStageOfADealWithoutAPartnerIsAnAdminsAlone() {
		for (var role : new Role[] { Role.PAM, Role.PARTNER }) {
			assertThat(StageOwners.refusal(stage("Registered", role), false)).as(role.name())
				.isEqualTo("In Registered, a deal without a partner is acted on by a program admin only");
		}
		assertThat(StageOwners.refusal(stage("Qualified", Role.AE), false))
			.isEqualTo("In Qualified, only the deal's owner, their manager or a program admin may act on this deal");
	}

	private static StageDefinition stage(String name, Role owner) {
		return new StageDefinition(Stage.REGISTERED, 1, name, owner, "exit", List.of(), 10, true);
	}

}
