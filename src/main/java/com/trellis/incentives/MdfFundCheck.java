package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.shared.MoneyFormat;

/**
 * Whether an MDF request fits the partner's fund. A request is a proposal: one above what
 * is left of the fund is recorded, because the PAM may approve part of it, but the
 * partner is warned when asking and the PAM sees the same warning when deciding; an
 * approval or claim above the fund is refused ({@link MarketDevelopmentFunds}).
 */
final class MdfFundCheck {

	private MdfFundCheck() {
	}

	/**
	 * The warning for a request of {@code cost} against what is left of the fund, both in
	 * the request's currency, or null when it fits.
	 */
	static String warning(BigDecimal cost, BigDecimal left, String currency) {
		if (cost == null || left == null || cost.compareTo(left) <= 0) {
			return null;
		}
		if (left.signum() <= 0) {
			return "the partner's MDF fund has nothing left (" + MoneyFormat.of(left, currency)
					+ "): this request cannot be approved until the fund grows";
		}
		return "the request of " + MoneyFormat.of(cost, currency)
				+ " is more than what is left of the partner's MDF fund (" + MoneyFormat.of(left, currency)
				+ "): at most that can be approved";
	}

}
