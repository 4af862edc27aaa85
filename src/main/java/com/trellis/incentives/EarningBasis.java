package com.trellis.incentives;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import com.trellis.shared.StoredFigures;

/**
 * The stored explanation of an earning (its basis), with its figures as
 * {@link StoredFigures} parts so each reader reads them in their own locale; one wording
 * for the rules and the demo alike.
 */
public final class EarningBasis {

	private EarningBasis() {
	}

	/**
	 * "referral bonus: 20.0 % of USD 100,000.00 (sourced, partner share 50.0 %)": the
	 * rate, the deal's amount and the partner's credit share ({@code sharePercent}) it
	 * was computed from.
	 */
	public static String referral(BigDecimal ratePercent, BigDecimal dealAmount, String currency, CreditType creditType,
			BigDecimal sharePercent) {
		return "referral bonus: " + StoredFigures.percent(ratePercent) + " of "
				+ StoredFigures.money(dealAmount, currency) + " (" + creditType.label().toLowerCase()
				+ ", partner share " + StoredFigures.percent(sharePercent) + ")";
	}

	/** "quarterly rebate 2026-Q3: 2.0 % of USD 500,000.00 (tier from USD 250,000.00)". */
	static String rebate(String period, BigDecimal ratePercent, BigDecimal revenue, BigDecimal threshold,
			String currency) {
		return "quarterly rebate " + period + ": " + StoredFigures.percent(ratePercent) + " of "
				+ StoredFigures.money(revenue, currency) + " (tier from " + StoredFigures.money(threshold, currency)
				+ ")";
	}

	/** "MDF 2026-Q3: revenue USD 500,000.00 reached USD 250,000.00". */
	public static String mdfAccrual(String period, BigDecimal revenue, BigDecimal threshold, String currency) {
		return "MDF " + period + ": revenue " + StoredFigures.money(revenue, currency) + " reached "
				+ StoredFigures.money(threshold, currency);
	}

}
