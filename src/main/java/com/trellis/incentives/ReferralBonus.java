package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.Optional;

import com.trellis.shared.MinorUnits;

/**
 * Referral bonus: a percentage, tiered by credit type, of the partner's credit share of
 * the closed-won amount: {@code amount × rate × partnerShare}, in the deal's currency,
 * rounded once to its minor unit ({@link MinorUnits#percentOfShare}). Sourced pays more
 * than influenced or co-sell. The amount and currency are the deal's, the share its
 * {@code partner_share} (an upheld credit dispute changes it, and the deal is re-earned
 * by the new share through its correction).
 */
final class ReferralBonus {

	private ReferralBonus() {
	}

	static Optional<Earned> earn(Params params, WonDeal deal) {
		var rate = switch (deal.creditType()) {
			case SOURCED -> params.sourcedPercent();
			case INFLUENCED -> params.influencedPercent();
			case CO_SELL -> params.coSellPercent();
		};
		if (rate.signum() == 0) {
			return Optional.empty();
		}
		var amount = MinorUnits.percentOfShare(deal.amount(), rate, deal.partnerShare(), deal.currency());
		return Optional.of(new Earned("deal:" + deal.id(), deal.id(), null, amount, deal.currency(),
				EarningBasis.referral(rate, deal.amount(), deal.currency(), deal.creditType(), deal.partnerShare())));
	}

	record Params(BigDecimal sourcedPercent, BigDecimal influencedPercent, BigDecimal coSellPercent) {

		Params {
			if (sourcedPercent.compareTo(influencedPercent) <= 0 || sourcedPercent.compareTo(coSellPercent) <= 0) {
				throw new IllegalArgumentException("sourced must pay more than influenced and co-sell");
			}
		}

	}

}
