package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner whose score is building or stalling, as raised to its PAM: the score, the
 * slope in points a week, since which week, why, and the signals behind it.
 */
public record DriftLine(long partnerId, String partnerName, Pillar pillar, String state, BigDecimal slope,
		LocalDate weekStart, String reason, String signals, Instant raisedAt) {
}
