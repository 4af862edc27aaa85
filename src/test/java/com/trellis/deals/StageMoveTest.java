package com.trellis.deals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageMoveTest {

	@Test
	void aDealMovesFromTheStageItIsIn() {
		assertThat(StageMove.refusal(Stage.QUALIFIED, Stage.QUALIFIED, Stage.JOINT_WORKING)).isEmpty();
	}

	@Test
	void aMoveFromAStageTheDealHasLeftIsAConflict() {
		var refusal = StageMove.refusal(Stage.JOINT_WORKING, Stage.QUALIFIED, Stage.JOINT_WORKING).orElseThrow();
		assertThat(refusal.stale()).isTrue();
		assertThat(refusal.reason()).contains("Joint working", "Qualified", "meanwhile");
	}

	@Test
	void aMoveToTheStageTheDealIsInIsRefused() {
		var refusal = StageMove.refusal(Stage.COMMIT, Stage.COMMIT, Stage.COMMIT).orElseThrow();
		assertThat(refusal.stale()).isFalse();
	}

}
