package com.trellis.forecast;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageProbabilitiesTest {

	@Test
	void usesTheDealsOwnGroupWhenItHasEnoughHistory() {
		var estimate = StageProbabilities.choose("QUALIFIED", new StageProbabilities.Counts(40, 10),
				new StageProbabilities.Counts(100, 50), Forecasts.DEFAULTS);
		assertThat(estimate.probability()).isEqualByComparingTo("0.25");
		assertThat(estimate.basis()).contains("40 closed deals of the same group");
	}

	@Test
	void fallsBackToTheWiderGroupThenToTheDefault() {
		var wider = StageProbabilities.choose("QUALIFIED", new StageProbabilities.Counts(12, 6),
				new StageProbabilities.Counts(60, 15), Forecasts.DEFAULTS);
		assertThat(wider.probability()).isEqualByComparingTo("0.25");
		assertThat(wider.basis()).contains("only 12").contains("60 in the wider group");

		var fallback = StageProbabilities.choose("COMMIT", null, new StageProbabilities.Counts(5, 5),
				Forecasts.DEFAULTS);
		assertThat(fallback.probability()).isEqualByComparingTo(new BigDecimal("0.75"));
		assertThat(fallback.basis()).contains("configured default");
	}

}
