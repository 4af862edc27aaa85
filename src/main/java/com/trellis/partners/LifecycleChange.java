package com.trellis.partners;

import java.time.Instant;

public record LifecycleChange(LifecycleStatus from, LifecycleStatus to, Long changedBy, Instant changedAt,
		String reason) {
}
