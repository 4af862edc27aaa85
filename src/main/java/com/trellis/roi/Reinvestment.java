package com.trellis.roi;

import java.math.BigDecimal;

import com.trellis.shared.StoredFigures;

/**
 * A long-tail partner (outside tier 1) in the reinvest-by-velocity view.
 *
 * @param partnerId the partner
 * @param name its name
 * @param tier its tier now
 * @param momentum the behaviour score's change over the last weeks, points; null without
 * scores
 * @param cost its cost to serve in the quarter, reporting currency
 * @param perThousand momentum per 1,000 of cost
 * @param shift what to shift ({@code SHIFT_TO}, {@code INVEST_FIRST}, {@code HOLD},
 * {@code SHIFT_FROM}, {@code UNKNOWN})
 * @param reason why
 */
public record Reinvestment(long partnerId, String name, String tier, BigDecimal momentum, BigDecimal cost,
		BigDecimal perThousand, String shift, String reason) {

	/** The line with its reason's figures in the reader's notation. */
	public Reinvestment worded(java.util.Locale locale) {
		return new Reinvestment(this.partnerId, this.name, this.tier, this.momentum, this.cost, this.perThousand,
				this.shift, StoredFigures.render(this.reason, locale));
	}
}
