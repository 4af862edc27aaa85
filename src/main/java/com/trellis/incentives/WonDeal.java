package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.deals.CreditType;
import com.trellis.shared.MinorUnits;

/**
 * A closed-won partner deal as the incentive rules see it: its amount in its own
 * currency, the partner's credit type and credit share ({@code partnerShare}, a
 * percentage 0–100 as the deal holds it, changed only by an upheld credit dispute), and
 * its close moment.
 */
record WonDeal(long id, BigDecimal amount, String currency, CreditType creditType, BigDecimal partnerShare,
		Instant closedAt) {

	/** The whole deal: what a partner deal stored without a share is credited with. */
	static final BigDecimal WHOLE = new BigDecimal("100");

	/**
	 * Each amount at its currency's minor unit, whatever scale it was read with; a
	 * missing share counts as the whole deal.
	 */
	WonDeal {
		amount = MinorUnits.round(amount, currency);
		partnerShare = partnerShare == null ? WHOLE : partnerShare;
	}

}
