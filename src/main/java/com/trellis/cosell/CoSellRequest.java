package com.trellis.cosell;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A co-sell request as both sides see it. {@code responseHours} is the time from the ask
 * to the answer, in hours with one decimal; null while open.
 */
public record CoSellRequest(long id, long opportunityId, String dealName, long partnerId, long requestedBy,
		Instant requestedAt, String ask, CoSellStatus status, Long answeredBy, Instant answeredAt, String answer,
		BigDecimal responseHours) {
}
