package com.trellis.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.trellis.partners.Tier;
import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static com.trellis.partners.Tier.TIER_1_INVEST;
import static com.trellis.partners.Tier.TIER_2_EMERGING;
import static com.trellis.partners.Tier.TIER_3_BASELINE;
import static org.assertj.core.api.Assertions.assertThat;

class TierRuleTests {

	static final TierThresholds THRESHOLDS = new TierThresholds(60, 60, 50, 30, 30, 20, 3);

	static BigDecimal d(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	@Test
	void scoresReachTheHighestTierWhoseEveryThresholdTheyMeet() {
		assertThat(TierRule.qualify(d("60.0"), d("60.0"), d("50.0"), THRESHOLDS).tier()).isEqualTo(TIER_1_INVEST);
		assertThat(TierRule.qualify(d("90.0"), d("59.9"), d("90.0"), THRESHOLDS).tier()).isEqualTo(TIER_2_EMERGING);
		assertThat(TierRule.qualify(d("29.9"), d("90.0"), d("90.0"), THRESHOLDS).tier()).isEqualTo(TIER_3_BASELINE);
	}

	@Test
	void anUnknownScoreQualifiesForNoTierAndSaysWhich() {
		var q = TierRule.qualify(d("80.0"), null, d("80.0"), THRESHOLDS);
		assertThat(q.tier()).isNull();
		assertThat(StoredFigures.render(q.reason(), Locale.US)).isEqualTo("behaviour unknown");
	}

	@Test
	void aPartnerOscillatingAroundAThresholdChangesTierOnlyAfterTheConfiguredEvaluationsInARow() {
		// Tier 3 partner whose behaviour swings around the Tier 2 threshold of 30
		var weeks = List.of("31.0", "29.0", "31.0", "29.5", "30.0", "31.0", "35.0");
		var tier = TIER_3_BASELINE;
		var since = new ArrayList<Tier>();
		var moves = new ArrayList<Integer>();
		for (int week = 0; week < weeks.size(); week++) {
			since.add(TierRule.qualify(d("40.0"), d(weeks.get(week)), d("25.0"), THRESHOLDS).tier());
			var decision = TierRule.decide(tier, since, 3);
			if (decision.moves()) {
				tier = decision.tier();
				moves.add(week);
				since.clear();
				assertThat(StoredFigures.render(decision.reason(), Locale.US))
					.isEqualTo("held the Tier 2 · Emerging thresholds or above for 3 consecutive weekly evaluations");
			}
		}
		assertThat(moves).as("moves only in the third week in a row above 30 (weeks 4, 5, 6)").containsExactly(6);
		assertThat(tier).isEqualTo(TIER_2_EMERGING);
	}

	@Test
	void aPartnerFallingBelowForTheConfiguredEvaluationsMovesDownToTheBestTierThoseWeeksReached() {
		var decision = TierRule.decide(TIER_1_INVEST,
				List.of(TIER_1_INVEST, TIER_3_BASELINE, TIER_2_EMERGING, TIER_3_BASELINE), 3);
		assertThat(decision.moves()).isTrue();
		assertThat(decision.tier()).isEqualTo(TIER_2_EMERGING);
		assertThat(StoredFigures.render(decision.reason(), Locale.US))
			.isEqualTo("below the Tier 1 · Invest thresholds for 3 consecutive weekly evaluations");
	}

	@Test
	void aPartnerRisingTwoTiersMovesToTheLowestTierItHeldEveryWeek() {
		var decision = TierRule.decide(TIER_3_BASELINE, List.of(TIER_1_INVEST, TIER_2_EMERGING, TIER_1_INVEST), 3);
		assertThat(decision.tier()).isEqualTo(TIER_2_EMERGING);
	}

	@Test
	void unknownScoresNeverMoveATier() {
		var decision = TierRule.decide(TIER_3_BASELINE,
				List.of(TIER_1_INVEST, TIER_1_INVEST, TIER_1_INVEST, TIER_1_INVEST), 1);
		assertThat(decision.moves()).isTrue();
		var unknownLast = new ArrayList<>(List.of(TIER_1_INVEST, TIER_1_INVEST, TIER_1_INVEST));
		unknownLast.add(null);
		var stays = TierRule.decide(TIER_3_BASELINE, unknownLast, 3);
		assertThat(stays.moves()).isFalse();
		assertThat(stays.tier()).isEqualTo(TIER_3_BASELINE);
		assertThat(StoredFigures.render(stays.reason(), Locale.US)).contains("unknown scores never move a tier");
		var allUnknown = new ArrayList<Tier>();
		for (int i = 0; i < 5; i++) {
			allUnknown.add(null);
		}
		assertThat(TierRule.decide(TIER_1_INVEST, allUnknown, 1).moves()).isFalse();
	}

	@Test
	void tooFewEvaluationsSinceTheLastChangeNeverMove() {
		var decision = TierRule.decide(TIER_2_EMERGING, List.of(TIER_1_INVEST, TIER_1_INVEST), 3);
		assertThat(decision.moves()).isFalse();
		assertThat(StoredFigures.render(decision.reason(), Locale.US))
			.isEqualTo("2 of the 3 weekly evaluations a move needs since the last change");
	}

	@Test
	void theNextTierGapNamesEachScoreShortWithItsPointsAndTheWeeksStillToHold() {
		var gap = NextTierGap.of(TIER_3_BASELINE, new BigDecimal[] { d("25.5"), d("40.0"), d("12.0") }, THRESHOLDS,
				List.of(TIER_3_BASELINE));
		assertThat(gap.next()).isEqualTo(TIER_2_EMERGING);
		assertThat(gap.needs()).extracting(TierCard.Need::score, TierCard.Need::points)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Readiness", d("4.5")),
					org.assertj.core.groups.Tuple.tuple("Trust", d("8.0")));
		assertThat(gap.weeksToGo()).isEqualTo(3);
		assertThat(StoredFigures.render(gap.summary(), Locale.US)).isEqualTo(
				"For Tier 2 · Emerging: Readiness +4.5 points (25.5 of 30), Trust +8.0 points (12.0 of 20), then hold it for 3 weekly evaluations in a row.");
		var reached = NextTierGap.of(TIER_2_EMERGING, new BigDecimal[] { d("70.0"), d("70.0"), d("70.0") }, THRESHOLDS,
				List.of(TIER_2_EMERGING, TIER_1_INVEST));
		assertThat(reached.needs()).isEmpty();
		assertThat(reached.weeksHeld()).isEqualTo(1);
		assertThat(reached.weeksToGo()).isEqualTo(2);
		assertThat(StoredFigures.render(reached.summary(), Locale.US))
			.isEqualTo("Your scores reach Tier 1 · Invest. Hold them for 2 more weekly evaluations.");
	}

	@Test
	void theNextTierGapNamesTheUnknownScoresInOneSentence() {
		var one = NextTierGap.of(TIER_3_BASELINE, new BigDecimal[] { d("25.5"), null, d("12.0") }, THRESHOLDS,
				List.of(TIER_3_BASELINE));
		assertThat(StoredFigures.render(one.summary(), Locale.US))
			.startsWith("Your behaviour score is unknown; a tier moves only on known scores.");
		var all = NextTierGap.of(TIER_3_BASELINE, new BigDecimal[] { null, null, null }, THRESHOLDS,
				List.of(TIER_3_BASELINE));
		assertThat(StoredFigures.render(all.summary(), Locale.US))
			.startsWith("Your readiness, behaviour and trust scores are unknown; a tier moves only on known scores.");
	}

	/**
	 * Vendor staff read the sentence of the partner, not as if it were theirs ("Your
	 * scores reach …" to a PAM, try12).
	 */
	@Test
	void staffReadTheGapOfThePartnerAndThePartnerReadsItAsItsOwn() {
		var reached = NextTierGap.of(TIER_2_EMERGING, new BigDecimal[] { d("70.0"), d("70.0"), d("70.0") }, THRESHOLDS,
				List.of(TIER_2_EMERGING, TIER_1_INVEST), null, false);
		assertThat(StoredFigures.render(reached.summary(), Locale.US))
			.isEqualTo("The partner's scores reach Tier 1 · Invest. They must hold for 2 more weekly evaluations.");
		var unknown = NextTierGap.of(TIER_3_BASELINE, new BigDecimal[] { d("25.5"), null, d("12.0") }, THRESHOLDS,
				List.of(TIER_3_BASELINE), null, false);
		assertThat(StoredFigures.render(unknown.summary(), Locale.US))
			.startsWith("The partner's behaviour score is unknown;");
		var held = NextTierGap.of(TIER_2_EMERGING, new BigDecimal[] { d("70.0"), d("70.0"), d("70.0") }, THRESHOLDS,
				List.of(TIER_1_INVEST, TIER_1_INVEST, TIER_1_INVEST), null, false);
		assertThat(StoredFigures.render(held.summary(), Locale.US)).isEqualTo(
				"The partner's scores have held Tier 1 · Invest long enough; the next weekly evaluation moves it.");
		assertThat(StoredFigures.render(
				NextTierGap
					.of(TIER_2_EMERGING, new BigDecimal[] { d("70.0"), d("70.0"), d("70.0") }, THRESHOLDS,
							List.of(TIER_1_INVEST, TIER_1_INVEST, TIER_1_INVEST), null, true)
					.summary(),
				Locale.US))
			.isEqualTo("Your scores have held Tier 1 · Invest long enough; the next weekly evaluation moves you.");
	}

	@Test
	void thresholdsAreValidatedNamingEachField() {
		var bad = new ThresholdsCommand(101, 60, null, 70, 30, 20, 0);
		org.assertj.core.api.Assertions.assertThatThrownBy(bad::validated)
			.isInstanceOfSatisfying(com.trellis.shared.InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(com.trellis.shared.InvalidInputException.FieldError::field)
						.containsExactly("tier1Readiness", "tier1Trust", "weeksHeld"));
		var crossed = new ThresholdsCommand(50, 60, 50, 70, 30, 20, 3);
		org.assertj.core.api.Assertions.assertThatThrownBy(crossed::validated)
			.isInstanceOfSatisfying(com.trellis.shared.InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(com.trellis.shared.InvalidInputException.FieldError::field)
						.containsExactly("tier2Readiness"));
	}

}
