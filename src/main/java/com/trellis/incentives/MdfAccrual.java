package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.MinorUnits;

/**
 * MDF accrual: a partner earns market development funds into its fund when its quarter's
 * closed-won revenue reaches a threshold; the highest threshold reached decides the
 * amount.
 */
final class MdfAccrual {

	private MdfAccrual() {
	}

	static Optional<Earned> earn(List<Tier> tiers, String period, BigDecimal revenue, String currency) {
		return Tier.reached(tiers, revenue)
			.filter(tier -> tier.value().signum() > 0)
			.map(tier -> new Earned("mdf:" + period + ":" + currency, null, period,
					MinorUnits.round(tier.value(), currency), currency,
					EarningBasis.mdfAccrual(period, revenue, tier.threshold(), currency)));
	}

}
