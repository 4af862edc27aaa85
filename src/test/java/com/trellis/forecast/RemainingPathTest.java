package com.trellis.forecast;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemainingPathTest {

	private static final List<RemainingPath.LaterStage> AFTER_QUALIFIED = List
		.of(new RemainingPath.LaterStage("JOINT_WORKING", 30), new RemainingPath.LaterStage("COMMIT", 21));

	@Test
	void stagesThatClosedDealsSkipAddNothing() {
		// 40 closed deals passed Qualified, none went through Joint working or Commit:
		// not the 30 + 21 days of the configured path
		var decision = RemainingPath.of(AFTER_QUALIFIED, new RemainingPath.Visits(40, Map.of()), null);
		assertThat(decision.days()).isZero();
		assertThat(decision.basis()).isEqualTo(
				"later stages weighted by how many of 40 closed deals of the same group that passed the stage went through them: JOINT_WORKING 0 of 40, COMMIT 0 of 40");
	}

	@Test
	void eachLaterStageCountsWithTheShareOfDealsThatWentThroughIt() {
		// half went through Joint working, a quarter also through Commit: 15 + 5.25
		var decision = RemainingPath.of(AFTER_QUALIFIED,
				new RemainingPath.Visits(40, Map.of("JOINT_WORKING", 20L, "COMMIT", 10L)), null);
		assertThat(decision.days()).isEqualTo(20);
	}

	@Test
	void aThinGroupLearnsFromTheWiderOneAndWithoutHistoryTheWholePathCounts() {
		var thin = new RemainingPath.Visits(5, Map.of("JOINT_WORKING", 5L, "COMMIT", 5L));
		var wide = new RemainingPath.Visits(60, Map.of("COMMIT", 30L));
		var fromWide = RemainingPath.of(AFTER_QUALIFIED, thin, wide);
		assertThat(fromWide.days()).isEqualTo(11);
		assertThat(fromWide.basis()).contains("60 closed deals of the wider group");

		var configured = RemainingPath.of(AFTER_QUALIFIED, thin, null);
		assertThat(configured.days()).isEqualTo(51);
		assertThat(configured.basis()).isEqualTo("too little history; every later stage of the sales process in full");
	}

	@Test
	void theLastOpenStageHasNoLaterStage() {
		var decision = RemainingPath.of(List.of(), new RemainingPath.Visits(40, Map.of()), null);
		assertThat(decision.days()).isZero();
		assertThat(decision.basis()).isEqualTo("no later stage");
	}

}
