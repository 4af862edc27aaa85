package com.trellis.roi;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VelocityRuleTest {

	@Test
	void buildingMomentumIsShiftedToWithItsPointsPerThousandOfCost() {
		var velocity = VelocityRule.of(new BigDecimal("12.0"), new BigDecimal("4000.00"));
		// 12 points / 4 thousand = 3.00 points per 1,000
		assertThat(velocity.perThousand()).isEqualByComparingTo("3.00");
		assertThat(velocity.shift()).isEqualTo(VelocityRule.Shift.SHIFT_TO);
		assertThat(com.trellis.shared.StoredFigures.render(velocity.reason(), java.util.Locale.US))
			.contains("3.00 points per 1,000")
			.contains("for a cost of USD 4,000.00");
		assertThat(com.trellis.shared.StoredFigures.render(velocity.reason(), java.util.Locale.GERMANY))
			.contains("3,00 points per 1.000")
			.contains("for a cost of USD 4.000,00");
	}

	@Test
	void fallingMomentumThatCostsMoneyIsWhereToShiftFrom() {
		var velocity = VelocityRule.of(new BigDecimal("-8.0"), new BigDecimal("2500.00"));
		assertThat(velocity.perThousand()).isEqualByComparingTo("-3.20");
		assertThat(velocity.shift()).isEqualTo(VelocityRule.Shift.SHIFT_FROM);
	}

	@Test
	void smallMovesAreHeldAndFreeMomentumIsAFirstInvestment() {
		assertThat(VelocityRule.of(new BigDecimal("2.0"), new BigDecimal("1000.00")).shift())
			.isEqualTo(VelocityRule.Shift.HOLD);
		var free = VelocityRule.of(new BigDecimal("9.0"), BigDecimal.ZERO);
		assertThat(free.shift()).isEqualTo(VelocityRule.Shift.INVEST_FIRST);
		assertThat(free.perThousand()).isNull();
	}

	@Test
	void withoutScoresThereIsNothingToJudge() {
		var velocity = VelocityRule.of(null, new BigDecimal("1000.00"));
		assertThat(velocity.shift()).isEqualTo(VelocityRule.Shift.UNKNOWN);
		assertThat(velocity.reason()).contains("no behaviour scores");
	}

}
