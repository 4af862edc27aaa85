package com.trellis.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Referral bonus: a percentage of the closed-won amount, tiered by credit type; sourced
 * pays more than influenced or co-sell.
 */
final class ReferralBonus {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
		var amount = deal.amount().multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
		return Optional.of(new Earned("deal:" + deal.id(), deal.id(), null, amount, deal.currency(),
				"referral bonus: " + rate.stripTrailingZeros().toPlainString() + "% of " + deal.currency() + " "
						+ deal.amount().toPlainString() + " (" + deal.creditType().label().toLowerCase() + ")"));
	}

	record Params(BigDecimal sourcedPercent, BigDecimal influencedPercent, BigDecimal coSellPercent) {

		Params {
			if (sourcedPercent.compareTo(influencedPercent) <= 0 || sourcedPercent.compareTo(coSellPercent) <= 0) {
				throw new IllegalArgumentException("sourced must pay more than influenced and co-sell");
			}
		}

	}

}
