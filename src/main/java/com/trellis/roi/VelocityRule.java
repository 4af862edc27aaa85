package com.trellis.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.StoredFigures;

/**
 * Reinvest by velocity: a long-tail partner's momentum (the change of its behaviour score
 * over the last weeks, in points) per 1,000 of the reporting currency it cost to serve in
 * the quarter, and what to shift. Momentum that builds cheaply earns more; momentum that
 * falls while the partner costs money is where to shift from; without a cost the momentum
 * is free and the partner is a candidate for a first investment; without scores there is
 * nothing to judge.
 */
final class VelocityRule {

	/** Points of momentum below which a partner is stalling. */
	static final BigDecimal STALLING = new BigDecimal("-5");

	/** Points of momentum from which a partner is building. */
	static final BigDecimal BUILDING = new BigDecimal("5");

	private VelocityRule() {
	}

	static Velocity of(BigDecimal momentum, BigDecimal cost) {
		if (momentum == null) {
			return new Velocity(null, Shift.UNKNOWN, "no behaviour scores over the last weeks");
		}
		if (cost.signum() <= 0) {
			return new Velocity(null, momentum.compareTo(BUILDING) >= 0 ? Shift.INVEST_FIRST : Shift.HOLD,
					"momentum " + StoredFigures.number(momentum) + " points with no cost to serve this quarter");
		}
		var perThousand = momentum.multiply(BigDecimal.valueOf(1000)).divide(cost, 2, RoundingMode.HALF_EVEN);
		var reason = "momentum " + StoredFigures.number(momentum) + " points for a cost of "
				+ StoredFigures.money(cost, ReportingCurrency.CODE) + ": " + StoredFigures.number(perThousand)
				+ " points per " + StoredFigures.count(1000);
		if (momentum.compareTo(BUILDING) >= 0) {
			return new Velocity(perThousand, Shift.SHIFT_TO, reason);
		}
		if (momentum.compareTo(STALLING) <= 0) {
			return new Velocity(perThousand, Shift.SHIFT_FROM, reason);
		}
		return new Velocity(perThousand, Shift.HOLD, reason);
	}

	/** What to do with the partner's share of the budget. */
	enum Shift {

		SHIFT_TO, INVEST_FIRST, HOLD, SHIFT_FROM, UNKNOWN

	}

	/**
	 * @param perThousand momentum points per 1,000 of cost, null without a cost or scores
	 * @param shift what to do
	 * @param reason why, in words
	 */
	record Velocity(BigDecimal perThousand, Shift shift, String reason) {
	}

}
