package com.trellis.imports;

import com.trellis.deals.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageSuggestionTest {

	@Test
	void theExportsWonAndClosedFlagsDecideAClosedStageWhateverItsName() {
		assertThat(StageSuggestion.suggest("Signed", true, true).stage()).isEqualTo(Stage.CLOSED_WON);
		assertThat(StageSuggestion.suggest("Dead", true, false).stage()).isEqualTo(Stage.CLOSED_LOST);
		assertThat(StageSuggestion.suggest("Dead", true, false).reason()).contains("IsClosed");
	}

	@Test
	void salesforceAndHubspotDefaultStagesAreSuggestedByName() {
		assertThat(StageSuggestion.suggest("Prospecting", false, false).stage()).isEqualTo(Stage.REGISTERED);
		assertThat(StageSuggestion.suggest("Needs Analysis", null, null).stage()).isEqualTo(Stage.QUALIFIED);
		assertThat(StageSuggestion.suggest("Id. Decision Makers", null, null).stage()).isEqualTo(Stage.JOINT_WORKING);
		assertThat(StageSuggestion.suggest("Negotiation/Review", null, null).stage()).isEqualTo(Stage.COMMIT);
		assertThat(StageSuggestion.suggest("qualifiedtobuy", null, null).stage()).isEqualTo(Stage.QUALIFIED);
		assertThat(StageSuggestion.suggest("Contract Sent", null, null).stage()).isEqualTo(Stage.COMMIT);
		assertThat(StageSuggestion.suggest("closedwon", null, null).stage()).isEqualTo(Stage.CLOSED_WON);
	}

	@Test
	void aTypoOfAKnownStageIsSuggestedAndSaidToBeATypo() {
		var suggestion = StageSuggestion.suggest("Qualifcation", null, null);
		assertThat(suggestion.stage()).isEqualTo(Stage.QUALIFIED);
		assertThat(suggestion.reason()).contains("typo");
	}

	@Test
	void aNameLikeNoStageGetsNoSuggestion() {
		assertThat(StageSuggestion.suggest("Parked", false, false).stage()).isNull();
		assertThat(StageSuggestion.suggest("Lost", null, null).stage()).as("too short to call a typo").isNull();
	}

	@Test
	void aStageNamedLikeAClosedOneThatTheExportSaysIsOpenIsNotSuggested() {
		var suggestion = StageSuggestion.suggest("Closed Won", false, false);
		assertThat(suggestion.stage()).isNull();
		assertThat(suggestion.reason()).contains("open");
	}

}
