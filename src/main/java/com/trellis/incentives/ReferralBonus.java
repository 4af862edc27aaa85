package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.Optional;

import com.trellis.shared.MinorUnits;

/**
 * Referral bonus: a percentage of the closed-won amount, tiered by credit type; sourced
 * pays more than influenced or co-sell. The bonus is rounded to the deal currency's minor
 * unit.
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
		var amount = MinorUnits.percentOf(deal.amount(), rate, deal.currency());
		return Optional.of(new Earned("deal:" + deal.id(), deal.id(), null, amount, deal.currency(),
				EarningBasis.referral(rate, deal.amount(), deal.currency(), deal.creditType())));
	}

	record Params(BigDecimal sourcedPercent, BigDecimal influencedPercent, BigDecimal coSellPercent) {

		Params {
			if (sourcedPercent.compareTo(influencedPercent) <= 0 || sourcedPercent.compareTo(coSellPercent) <= 0) {
				throw new IllegalArgumentException("sourced must pay more than influenced and co-sell");
			}
		}

	}

}
