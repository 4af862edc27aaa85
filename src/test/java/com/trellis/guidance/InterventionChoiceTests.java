package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.trellis.scoring.DriftLine;
import com.trellis.scoring.Pillar;
import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterventionChoiceTests {

	// partners 1-4 share a cohort with the stalling partner 9; 5-8 share only its tier
	private static final InterventionChoice.Peers COHORT = new InterventionChoice.Peers("the cohort Q1 starters",
			Set.of(1L, 2L, 3L, 4L, 9L));

	private static final InterventionChoice.Peers TIER = new InterventionChoice.Peers("Tier 2 · Emerging",
			Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));

	@Test
	void theInterventionThatWorkedBestForTheSameCohortIsChosenOverTheScoresDefault() {
		// in the cohort: training 2 of 6 (33.3 %), an introduction 4 of 5 (80 %);
		// an incentive 1 of 3 is too few to compare
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.TRAINING, 4, 1),
				new InterventionChoice.Tally(2, Intervention.TRAINING, 2, 1),
				new InterventionChoice.Tally(3, Intervention.INTRODUCTION, 5, 4),
				new InterventionChoice.Tally(4, Intervention.INCENTIVE, 3, 1),
				// outside the cohort, where training did well: not looked at
				new InterventionChoice.Tally(5, Intervention.TRAINING, 10, 10));

		var choice = InterventionChoice.choose(Pillar.READINESS, List.of(COHORT, TIER), tallies);

		assertThat(choice.intervention()).isEqualTo(Intervention.INTRODUCTION);
		assertThat(choice.learned()).isTrue();
		assertThat(StoredFigures.render(choice.reason(), Locale.US))
			.isEqualTo("What worked for similar partners (the cohort Q1 starters, 5 partners):"
					+ " accepted an introduction to account executives led to a co-sell request 4 of 5 times (80.0 %);"
					+ " training led to a deal registration 2 of 6 times (33.3 %)."
					+ " So an introduction to account executives is the intervention.");
	}

	@Test
	void aCohortWithTooFewMeasuredInterventionsGivesWayToTheTier() {
		// the cohort has one measured intervention only; the tier has two
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.TRAINING, 5, 1),
				new InterventionChoice.Tally(6, Intervention.INCENTIVE, 5, 3),
				new InterventionChoice.Tally(7, Intervention.TRAINING, 1, 0));

		var choice = InterventionChoice.choose(Pillar.READINESS, List.of(COHORT, TIER), tallies);

		assertThat(choice.intervention()).isEqualTo(Intervention.INCENTIVE);
		assertThat(choice.learned()).isTrue();
		assertThat(StoredFigures.render(choice.reason(), Locale.US))
			.startsWith("What worked for similar partners (Tier 2 · Emerging, 9 partners):"
					+ " accepted an incentive led to a deal registration 3 of 5 times (60.0 %);"
					+ " training led to a deal registration 1 of 6 times (16.7 %).");
	}

	@Test
	void onATieTheScoresDefaultWins() {
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.INCENTIVE, 5, 2),
				new InterventionChoice.Tally(2, Intervention.TRAINING, 5, 2));

		assertThat(InterventionChoice.choose(Pillar.READINESS, List.of(COHORT), tallies).intervention())
			.isEqualTo(Intervention.TRAINING);
		assertThat(InterventionChoice.choose(Pillar.BEHAVIOUR, List.of(COHORT), tallies).intervention())
			.isEqualTo(Intervention.INCENTIVE);
	}

	@Test
	void belowTheMinimumCountTheRuleBasedChoiceStandsAndTheReasonSaysSo() {
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.INCENTIVE, 4, 4),
				new InterventionChoice.Tally(2, Intervention.INTRODUCTION, 9, 9));

		var choice = InterventionChoice.choose(Pillar.READINESS, List.of(COHORT, TIER), tallies);

		assertThat(choice.intervention()).isEqualTo(Intervention.TRAINING);
		assertThat(choice.learned()).isFalse();
		assertThat(StoredFigures.render(choice.reason(), Locale.US))
			.isEqualTo("Too few accepted interventions with a known outcome among similar"
					+ " partners (5 each for two interventions in the same cohort, tier or partner type), so the"
					+ " rule-based choice stands: Readiness rests on certified staff and applied enablement, so training"
					+ " is the intervention.");
	}

	@Test
	void theStallingRecommendationNamesTheLearnedInterventionAndAimsAtItsOutcome() {
		var line = new DriftLine(9, "Nordwind", Pillar.READINESS, "STALLING", new BigDecimal("-2.10"),
				LocalDate.parse("2026-11-02"), "Down three weeks running.", null,
				Instant.parse("2026-11-20T06:00:00Z"));
		var tallies = List.of(new InterventionChoice.Tally(1, Intervention.TRAINING, 6, 1),
				new InterventionChoice.Tally(3, Intervention.INTRODUCTION, 5, 4));

		var advice = PamRules.stalling(line, InterventionChoice.choose(line.pillar(), List.of(COHORT), tallies))
			.orElseThrow();

		assertThat(advice.title()).isEqualTo("Arrange an introduction for Nordwind");
		assertThat(advice.intervention()).isEqualTo(Intervention.INTRODUCTION);
		assertThat(advice.outcome()).isEqualTo(Outcome.COSELL);
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.contains("What worked for similar partners (the cohort Q1 starters, 5 partners)");
	}

}
