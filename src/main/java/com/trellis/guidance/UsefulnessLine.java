package com.trellis.guidance;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

/**
 * How one kind of recommendation fares: shown, accepted, the ones that have had their
 * chance ({@code weighed}: decided, or shown at least {@value Usefulness#DAYS_TO_ACT}
 * days ago) and the acceptance rate over those; the outcome rate of accepted ones against
 * ones shown and not acted on (each over those whose outcome is known), the lift between
 * them, and whether the kind is ranked down, with the reason. Rates are fractions (0.25
 * is 25 %); null when nothing is counted yet.
 */
public record UsefulnessLine(Kind kind, String kindLabel, int outcomeDays, long shown, long accepted, long weighed,
		BigDecimal acceptance, long acceptedDecided, long acceptedMet, BigDecimal acceptedRate, long idleDecided,
		long idleMet, BigDecimal idleRate, BigDecimal lift, boolean rankedDown, String reason) {

	/**
	 * The line with its reason's figures in the locale's notation
	 * ({@link StoredFigures}).
	 */
	public UsefulnessLine worded(Locale locale) {
		return new UsefulnessLine(this.kind, this.kindLabel, this.outcomeDays, this.shown, this.accepted, this.weighed,
				this.acceptance, this.acceptedDecided, this.acceptedMet, this.acceptedRate, this.idleDecided,
				this.idleMet, this.idleRate, this.lift, this.rankedDown, StoredFigures.render(this.reason, locale));
	}

}
