package com.trellis.shared;

import java.math.BigDecimal;

/**
 * Whether a won deal's amount counts as a win: a zero amount never counts, and neither
 * does one below the configured minimum ({@code trellis.incentives.minimum-deal-amount},
 * in the reporting currency). The amount is compared after its conversion into the
 * reporting currency. A win that does not count earns no incentive, is no partner's first
 * win (badge, notice, activation milestone) and no first revenue in the KPIs; see
 * {@link CountingWins}.
 */
public final class DealAmountFloor {

	private DealAmountFloor() {
	}

	public static Decision decide(BigDecimal amountInReporting, BigDecimal minimum, String reportingCurrency) {
		if (amountInReporting.signum() <= 0) {
			return new Decision(false, "the deal's amount is zero");
		}
		if (amountInReporting.compareTo(minimum) < 0) {
			return new Decision(false,
					"the deal's amount (" + MoneyFormat.of(amountInReporting, reportingCurrency)
							+ ") is below the minimum of " + MoneyFormat.of(minimum, reportingCurrency)
							+ " that earns incentives");
		}
		return new Decision(true, "the deal's amount reaches the minimum");
	}

	/** Whether the amount counts, and why. */
	public record Decision(boolean counts, String reason) {
	}

}
