package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.shared.MinorUnits;

/** A quota or target as set. */
public record Quota(Scope.Kind scope, Long scopeId, String name, String quarter, BigDecimal amount, String currency,
		String setBy, Instant setAt) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public Quota {
		amount = MinorUnits.round(amount, currency);
	}

}
