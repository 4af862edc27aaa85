package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftAndPotentialRuleTests {

	@Test
	void aScoreRisingTwoPointsAWeekForEightWeeksIsBuilding() {
		var decision = ScoreDrift.decide(weeks(40, 42, 44, 46, 48, 50, 52, 54));
		assertThat(decision.state()).isEqualTo(ScoreDrift.State.BUILDING);
		assertThat(StoredFigures.render(decision.reason(), Locale.US))
			.isEqualTo("building: +2.0 points a week over the last 8 weeks");
	}

	@Test
	void aScoreSlippingQuietlyIsStallingAndOneWobbleIsSteady() {
		assertThat(ScoreDrift.decide(weeks(60, 59, 57, 55, 53, 52, 49, 47)).state())
			.isEqualTo(ScoreDrift.State.STALLING);
		assertThat(ScoreDrift.decide(weeks(50, 50, 50, 50, 50, 50, 50, 58)).state()).isEqualTo(ScoreDrift.State.STEADY);
	}

	@Test
	void aScoreThatOnlySwingsFromWeekToWeekIsSteadyEvenWhenItsLineRisesFast() {
		var decision = ScoreDrift.decide(weeks(40, 62, 38, 60, 45, 70, 50, 66));
		assertThat(decision.slope()).isGreaterThan(ScoreDrift.THRESHOLD);
		assertThat(decision.state()).isEqualTo(ScoreDrift.State.STEADY);
		assertThat(StoredFigures.render(decision.reason(), Locale.US)).isEqualTo(
				"steady: +2.4 points a week over the last 8 weeks, but the weeks swing too much for a trend (p = 0.22)");
	}

	@Test
	void onlyTheLastEightWeeksCountAndFewerThanSixKnownIsUnknown() {
		assertThat(ScoreDrift.decide(weeks(0, 0, 0, 0, 50, 50, 50, 50, 50, 50, 50, 50)).state())
			.isEqualTo(ScoreDrift.State.STEADY);
		var thin = Arrays.asList(null, null, null, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE,
				BigDecimal.TEN);
		assertThat(ScoreDrift.decide(thin).state()).isEqualTo(ScoreDrift.State.UNKNOWN);
		assertThat(StoredFigures.render(ScoreDrift.decide(thin).reason(), Locale.US))
			.isEqualTo("only 5 of the last 8 weeks have this score (6 needed)");
	}

	@Test
	void aPartnerWithoutPipelineRankingHighOnReadinessAndBehaviourIsHighPotential() {
		var decision = HighPotential.decide(0.9, 0.8, BigDecimal.ZERO, new BigDecimal("1000"));
		assertThat(decision.highPotential()).isTrue();
		assertThat(StoredFigures.render(decision.reason(), Locale.US))
			.startsWith("no partner-involved pipeline in the last 180 days, yet readiness");
	}

	@Test
	void theReasonShowsPipelineAsMoneyWithItsCurrencyAndGrouping() {
		var decision = HighPotential.decide(0.9, 0.8, new BigDecimal("89182"), new BigDecimal("124416.8"));
		var code = com.trellis.shared.ReportingCurrency.CODE;
		assertThat(StoredFigures.render(decision.reason(), Locale.US)).startsWith(
				"little pipeline (" + code + " 89,182.00 in the last 180 days, median " + code + " 124,416.80)");
	}

	@Test
	void aPartnerWithPipelineOrRankingLowOnOneOfTheTwoIsNot() {
		assertThat(StoredFigures
			.render(HighPotential.decide(0.9, 0.9, new BigDecimal("1001"), new BigDecimal("1000")).reason(), Locale.US))
			.startsWith("already has pipeline");
		assertThat(HighPotential.decide(0.9, 0.7, BigDecimal.ZERO, BigDecimal.ZERO).highPotential()).isFalse();
		assertThat(HighPotential.decide(null, 0.9, BigDecimal.ZERO, BigDecimal.ZERO).highPotential()).isFalse();
	}

	private static List<BigDecimal> weeks(double... values) {
		return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

}
