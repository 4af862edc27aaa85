package com.trellis.deals;

import java.math.BigDecimal;

/**
 * One closed-won partner deal's amount in its own currency, for revenue over a period.
 */
public record PartnerRevenue(long partnerId, String currency, BigDecimal amount, long opportunityId) {
}
