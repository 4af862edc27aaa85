package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What makes two deals alike: the customer's industry, employee band and country, and the
 * deal's amount in the reporting currency (null when its currency has no exchange rate);
 * with the deal's name, partner, owner and close, so a similar deal can be named.
 */
public record DealProfile(long id, String name, Long partnerId, long ownerId, Stage stage, String industry,
		String employeeBand, String country, BigDecimal reportingAmount, Instant closedAt) {
}
