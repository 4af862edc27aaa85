package com.trellis.incentives;

import java.math.BigDecimal;

/**
 * What a rule decided a partner earns, and why.
 */
record Earned(String sourceKey, Long opportunityId, String period, BigDecimal amount, String currency, String basis) {
}
