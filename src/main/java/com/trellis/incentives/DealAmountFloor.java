package com.trellis.incentives;

import java.math.BigDecimal;

/**
 * Whether a won deal's amount is large enough to earn anything: a zero amount never
 * earns, and neither does one below the configured minimum
 * ({@code trellis.incentives.minimum-deal-amount}, in the reporting currency). The amount
 * is compared after its conversion into the reporting currency.
 */
final class DealAmountFloor {

	private DealAmountFloor() {
	}

	static Decision decide(BigDecimal amountInReporting, BigDecimal minimum, String reportingCurrency) {
		if (amountInReporting.signum() <= 0) {
			return new Decision(false, "the deal's amount is zero");
		}
		if (amountInReporting.compareTo(minimum) < 0) {
			return new Decision(false,
					"the deal's amount (" + reportingCurrency + " " + amountInReporting.toPlainString()
							+ ") is below the minimum of " + reportingCurrency + " " + minimum.toPlainString()
							+ " that earns incentives");
		}
		return new Decision(true, "the deal's amount reaches the minimum");
	}

	record Decision(boolean earns, String reason) {
	}

}
