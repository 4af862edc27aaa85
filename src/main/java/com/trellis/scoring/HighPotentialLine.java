package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

/**
 * A partner with little or no pipeline yet whose readiness and behaviour rank high, with
 * the evidence: the reason, its pipeline in the last 180 days (reporting currency) and
 * the signals giving the most points.
 */
public record HighPotentialLine(long partnerId, String partnerName, BigDecimal readiness, BigDecimal behaviour,
		BigDecimal trust, BigDecimal pipeline180Days, String reason, String evidence) {

	/** The line with its partner's name as the reader may read it. */
	public HighPotentialLine named(String name) {
		return new HighPotentialLine(this.partnerId, name, this.readiness, this.behaviour, this.trust,
				this.pipeline180Days, this.reason, this.evidence);
	}

	/**
	 * The line as a reader in the locale reads it: the reason's and the evidence's
	 * figures in the locale's notation (stored as {@link StoredFigures} parts).
	 */
	public HighPotentialLine worded(Locale locale) {
		return new HighPotentialLine(this.partnerId, this.partnerName, this.readiness, this.behaviour, this.trust,
				this.pipeline180Days, StoredFigures.render(this.reason, locale),
				StoredFigures.render(this.evidence, locale));
	}

}
