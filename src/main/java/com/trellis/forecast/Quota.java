package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Instant;

/** A quota or target as set. */
public record Quota(Scope.Kind scope, Long scopeId, String name, String quarter, BigDecimal amount, String currency,
		String setBy, Instant setAt) {
}
