package com.trellis.roi;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiftRuleTest {

	@Test
	void liftIsThePartnersWinRateOverTheDirectBaselineOfTheSameMixInPoints() {
		// 6 closed deals, 4 won; their industries' direct win rates sum to 1.5 (25 %
		// each)
		var lift = LiftRule.of(6, 4, new BigDecimal("1.5"));
		assertThat(lift.winRate()).isEqualByComparingTo("66.7");
		assertThat(lift.baseline()).isEqualByComparingTo("25.0");
		// (4 - 1.5) / 6 = 41.67 points
		assertThat(lift.points()).isEqualByComparingTo("41.7");
		assertThat(com.trellis.shared.StoredFigures.render(lift.reason(), java.util.Locale.US)).contains("won 4 of 6")
			.contains("25.0 %");
		assertThat(com.trellis.shared.StoredFigures.render(lift.reason(), java.util.Locale.GERMANY))
			.contains("(66,7 %)")
			.contains("25,0 %");
	}

	@Test
	void aPartnerWinningLessThanDirectHasANegativeLift() {
		var lift = LiftRule.of(5, 1, new BigDecimal("2.5"));
		assertThat(lift.points()).isEqualByComparingTo("-30.0");
	}

	@Test
	void belowFiveComparableDealsThereIsNoLiftAndTheReasonSaysWhy() {
		var lift = LiftRule.of(4, 4, new BigDecimal("1"));
		assertThat(lift.points()).isNull();
		assertThat(com.trellis.shared.StoredFigures.render(lift.reason(), java.util.Locale.US))
			.contains("4 comparable closed deals, fewer than 5");
	}

}
