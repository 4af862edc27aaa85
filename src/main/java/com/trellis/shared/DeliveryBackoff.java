package com.trellis.shared;

import java.time.Duration;

/**
 * When to try a failed outbound delivery (an e-mail, a Slack message, a webhook) again:
 * 1, 5, 15, 60 minutes, then every 4 hours. After {@link #MAX_ATTEMPTS} attempts the
 * delivery is marked failed but kept, never lost.
 */
public final class DeliveryBackoff {

	public static final int MAX_ATTEMPTS = 12;

	private static final Duration[] STEPS = { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1) };

	private DeliveryBackoff() {
	}

	/** The wait after the given number of failed attempts (1 for the first failure). */
	public static Duration after(int attempts) {
		return attempts <= STEPS.length ? STEPS[Math.max(attempts, 1) - 1] : Duration.ofHours(4);
	}

	/** Whether a delivery that has failed this many times is given up. */
	public static boolean givesUp(int attempts) {
		return attempts >= MAX_ATTEMPTS;
	}

}
