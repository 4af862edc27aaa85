package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * A partner's score started building or stalling (published once per change, in the daily
 * run's transaction), for its PAM: the slope in points a week, why, and the signals
 * behind it.
 */
public record ScoreDrifted(long partnerId, Pillar pillar, String state, BigDecimal slope, String reason,
		String signals) {
}
