package com.trellis.roi;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoiRuleTest {

	private static RoiRule.Cost cost(String enablement, String mdf, String incentives, String spend, String pam) {
		return new RoiRule.Cost(new BigDecimal(enablement), new BigDecimal(mdf), new BigDecimal(incentives),
				new BigDecimal(spend), new BigDecimal(pam));
	}

	@Test
	void roiIsRevenueLessCostOverCostInPercentToOneDecimal() {
		var verdict = RoiRule.of(cost("450.00", "1333.32", "500.00", "3845.00", "1080.00"), new BigDecimal("40000.00"));
		assertThat(verdict.cost()).isEqualByComparingTo("7208.32");
		// (40,000.00 - 7,208.32) / 7,208.32 = 4.54914… → 454.9 %
		assertThat(verdict.roiPercent()).isEqualByComparingTo("454.9");
		assertThat(com.trellis.shared.StoredFigures.render(verdict.reason(), java.util.Locale.US))
			.isEqualTo("revenue USD 40,000.00 less cost USD 7,208.32, over the cost");
		// low31: worded per reader
		assertThat(com.trellis.shared.StoredFigures.render(verdict.reason(), java.util.Locale.GERMANY))
			.isEqualTo("revenue USD 40.000,00 less cost USD 7.208,32, over the cost");
	}

	@Test
	void aPartnerThatCostsAndEarnsNothingBackLosesItAll() {
		var verdict = RoiRule.of(cost("0", "0", "0", "1000.00", "1080.00"), BigDecimal.ZERO);
		assertThat(verdict.roiPercent()).isEqualByComparingTo("-100.0");
	}

	@Test
	void withoutACostThereIsNoRoiAndTheReasonSaysSo() {
		var verdict = RoiRule.of(RoiRule.Cost.NONE, new BigDecimal("5000.00"));
		assertThat(verdict.roiPercent()).isNull();
		assertThat(verdict.reason()).contains("no cost");
	}

	@Test
	void costPartsAreKeptToTheReportingCurrencysMinorUnit() {
		var cost = cost("0.004", "0", "0", "0", "0");
		assertThat(cost.enablement()).isEqualByComparingTo("0.00");
		// each part rounded half-up once before the sum: 1.01 + 2.12, not round(3.12)
		assertThat(cost("1.005", "2.115", "0", "0", "0").total()).isEqualByComparingTo("3.13");
	}

}
