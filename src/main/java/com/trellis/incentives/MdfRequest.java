package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request for market development funds and what was claimed against it.
 */
public record MdfRequest(long id, long partnerId, String activity, BigDecimal cost, String currency,
		BigDecimal expectedPipeline, BigDecimal partnerInvestment, String status, BigDecimal approvedAmount,
		BigDecimal claimed, Instant requestedAt, String decisionReason) {
}
