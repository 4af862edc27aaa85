package com.trellis.cosell;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.MinorUnits;

/**
 * A partner present at an account (the AE view): its status there (CUSTOMER or PROSPECT
 * on its list), its tier, its trust score (null: unknown, with the reason), its record
 * with us in the account's industry (null industry: the account has none), and, on a
 * deal, whether it is the deal's partner already.
 */
public record PartnerHere(long partnerId, String partnerName, String status, String tier, String tierLabel,
		BigDecimal trust, String trustUnknownReason, String industry, long won, long lost, BigDecimal wonAmount,
		String currency, boolean attached) {

	/** The won amount at the currency's minor unit, the trust score at one decimal. */
	public PartnerHere {
		wonAmount = MinorUnits.round(wonAmount, currency);
		trust = (trust == null) ? null : trust.setScale(1, RoundingMode.HALF_UP);
	}

}
