package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.deals.CreditType;

/**
 * A closed-won partner deal as the incentive rules see it.
 */
record WonDeal(long id, BigDecimal amount, String currency, CreditType creditType, Instant closedAt) {
}
