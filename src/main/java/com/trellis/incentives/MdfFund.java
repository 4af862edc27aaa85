package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.MinorUnits;

/**
 * A partner's MDF fund in its own currency (the currency its accruals are earned in):
 * what was accrued, what claims drew on it, converted into the fund's currency, and what
 * is left.
 *
 * @param currency the fund's currency
 * @param accrued earned into the fund
 * @param claimed drawn by claims, in the fund's currency
 * @param balance accrued minus claimed: what is left
 * @param committed approved on requests and not claimed yet (up to their claim
 * deadlines), at today's rates; null when a request's currency has no rate
 * @param claims each claim with its own amount and how it was converted
 */
public record MdfFund(String currency, BigDecimal accrued, BigDecimal claimed, BigDecimal balance, BigDecimal committed,
		List<Claim> claims) {

	/** Each amount at the fund currency's minor unit. */
	public MdfFund {
		accrued = MinorUnits.round(accrued, currency);
		claimed = MinorUnits.round(claimed, currency);
		balance = MinorUnits.round(balance, currency);
		committed = committed == null ? null : MinorUnits.round(committed, currency);
	}

	/**
	 * What a new request may be approved for: what is left less what approvals hold
	 * ({@code committed}), as an approval is checked; what is left when that is unknown.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty
	public BigDecimal free() {
		return this.committed == null ? this.balance : this.balance.subtract(this.committed);
	}

	/**
	 * A claim on the fund.
	 *
	 * @param id the claim
	 * @param activity what the request was for
	 * @param amount the amount claimed, in the request's currency
	 * @param currency the request's currency
	 * @param fundCurrency the fund's currency
	 * @param fundAmount what it drew from the fund, in the fund's currency
	 * @param rate fund currency per unit of the claim's currency (1 for the same
	 * currency)
	 * @param convertedOn the day of the rate: the day of the claim, or today for a claim
	 * from before conversions were kept (at today's rate)
	 */
	public record Claim(long id, String activity, BigDecimal amount, String currency, String fundCurrency,
			BigDecimal fundAmount, BigDecimal rate, LocalDate convertedOn) {

		/** The amount at the claim currency's minor unit, the drawn one at the fund's. */
		public Claim {
			amount = MinorUnits.round(amount, currency);
			fundAmount = MinorUnits.round(fundAmount, fundCurrency);
		}

		/**
		 * Whether the claim was converted into the fund's currency (the statement then
		 * shows its rate and day).
		 */
		public boolean converted() {
			return this.rate.compareTo(BigDecimal.ONE) != 0 || this.fundAmount.compareTo(this.amount) != 0;
		}

	}

}
