package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

/**
 * A partner whose score is building or stalling, as raised to its PAM: the score, the
 * slope in points a week, since which week, why, and the signals behind it.
 */
public record DriftLine(long partnerId, String partnerName, Pillar pillar, String state, BigDecimal slope,
		LocalDate weekStart, String reason, String signals, Instant raisedAt) {

	/**
	 * The line as a reader in the locale reads it: the reason's and the signals' figures
	 * in the locale's notation (stored as {@link StoredFigures} parts).
	 */
	public DriftLine worded(Locale locale) {
		return new DriftLine(this.partnerId, this.partnerName, this.pillar, this.state, this.slope, this.weekStart,
				StoredFigures.render(this.reason, locale), StoredFigures.render(this.signals, locale), this.raisedAt);
	}

}
