package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.shared.MoneyFormat;

/**
 * Whether an MDF request fits the partner's fund. A request is a proposal: one above what
 * is free in the fund (left, less the other approvals not claimed yet) is recorded,
 * because the PAM may approve part of it, but the partner is warned when asking and the
 * PAM sees the same warning when deciding; an approval or claim above the fund is refused
 * ({@link MarketDevelopmentFunds}).
 */
final class MdfFundCheck {

	private MdfFundCheck() {
	}

	/**
	 * The warning for a request of {@code cost} against what the fund has free for it
	 * (what is left, less other approvals not claimed yet), in the request's currency, or
	 * null when it fits.
	 */
	static String warning(BigDecimal cost, MdfFundBook.Free free) {
		if (cost == null || cost.compareTo(free.amount()) <= 0) {
			return null;
		}
		if (free.amount().signum() <= 0) {
			return "the partner's MDF fund has nothing free (" + free.described()
					+ "): this request cannot be approved until the fund grows";
		}
		return "the request of " + MoneyFormat.of(cost, free.currency())
				+ " is more than what is free in the partner's MDF fund (" + free.described()
				+ "): at most that can be approved";
	}

}
