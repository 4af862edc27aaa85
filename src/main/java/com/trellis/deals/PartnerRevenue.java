package com.trellis.deals;

import java.math.BigDecimal;

/**
 * Closed-won revenue of one partner in one currency over a period.
 */
public record PartnerRevenue(long partnerId, String currency, BigDecimal amount) {
}
