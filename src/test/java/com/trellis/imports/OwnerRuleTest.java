package com.trellis.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose a record imported before stays when a later export names its owner. */
class OwnerRuleTest {

	private static final Long LEAVER = 1L;

	private static final Long RECEIVER = 2L;

	private static final Long OTHER = 3L;

	@Test
	void anOwnerTheFileStillNamesLeavesTheOwnerGivenInTrellis() {
		var decision = OwnerRule.decide("Ana@Acme.test", "ana@acme.test", LEAVER, false, RECEIVER);
		assertThat(decision.outcome()).isEqualTo(OwnerRule.Outcome.KEPT);
		assertThat(decision.outcome().keepsOwner()).isTrue();
		assertThat(OwnerRule.decide("ana@acme.test", "ana@acme.test", LEAVER, true, LEAVER).outcome())
			.isEqualTo(OwnerRule.Outcome.SAME);
	}

	@Test
	void aNewlyNamedActiveOwnerIsApplied() {
		var decision = OwnerRule.decide("ana@acme.test", "dan@acme.test", OTHER, true, RECEIVER);
		assertThat(decision.outcome()).isEqualTo(OwnerRule.Outcome.APPLIED);
		assertThat(decision.outcome().keepsOwner()).isFalse();
		assertThat(decision.reason()).contains("dan@acme.test");
	}

	@Test
	void aNewlyNamedDeactivatedOrUncreatedOwnerIsRefusedWithItsReason() {
		var deactivated = OwnerRule.decide("ana@acme.test", "cara@acme.test", OTHER, false, RECEIVER);
		assertThat(deactivated.outcome()).isEqualTo(OwnerRule.Outcome.REFUSED);
		assertThat(deactivated.outcome().keepsOwner()).isTrue();
		assertThat(deactivated.reason()).contains("cara@acme.test", "deactivated", "keeps its current owner");
		assertThat(OwnerRule.decide("ana@acme.test", "new@acme.test", null, false, RECEIVER).outcome())
			.isEqualTo(OwnerRule.Outcome.REFUSED);
	}

	@Test
	void aRecordWithoutASourceOwnerJudgesTheFilesOwnerAsNewlyNamed() {
		assertThat(OwnerRule.decide(null, "dan@acme.test", OTHER, true, RECEIVER).outcome())
			.isEqualTo(OwnerRule.Outcome.APPLIED);
		assertThat(OwnerRule.decide(null, "ana@acme.test", LEAVER, false, RECEIVER).outcome())
			.isEqualTo(OwnerRule.Outcome.REFUSED);
		assertThat(OwnerRule.decide(null, "ana@acme.test", LEAVER, false, LEAVER).outcome())
			.as("a deactivated owner still holding the record: nothing to warn of")
			.isEqualTo(OwnerRule.Outcome.SAME);
	}

}
