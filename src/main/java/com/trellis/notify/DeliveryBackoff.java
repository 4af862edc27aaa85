package com.trellis.notify;

import java.time.Duration;

/**
 * When to try a failed delivery again: 1, 5, 15, 60 minutes, then every 4 hours. After
 * {@link #MAX_ATTEMPTS} attempts the delivery is marked failed but kept, never lost.
 */
final class DeliveryBackoff {

	static final int MAX_ATTEMPTS = 12;

	private static final Duration[] STEPS = { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1) };

	private DeliveryBackoff() {
	}

	static Duration after(int attempts) {
		return attempts <= STEPS.length ? STEPS[Math.max(attempts, 1) - 1] : Duration.ofHours(4);
	}

	static boolean givesUp(int attempts) {
		return attempts >= MAX_ATTEMPTS;
	}

}
