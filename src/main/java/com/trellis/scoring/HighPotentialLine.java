package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * A partner with little or no pipeline yet whose readiness and behaviour rank high, with
 * the evidence: the reason, its pipeline in the last 180 days (reporting currency) and
 * the signals giving the most points.
 */
public record HighPotentialLine(long partnerId, String partnerName, BigDecimal readiness, BigDecimal behaviour,
		BigDecimal trust, BigDecimal pipeline180Days, String reason, String evidence) {
}
