package com.trellis.webhooks;

import java.time.Duration;

import com.trellis.shared.DeliveryBackoff;

/**
 * What one attempt to deliver a webhook means for its delivery and subscription: a 2xx
 * delivers it; 410 Gone delivers nothing more to the subscription (disabled); anything
 * else (another status, a timeout, a refused connection) is tried again after the
 * {@link DeliveryBackoff} wait until it gives up.
 */
record DeliveryOutcome(Verdict verdict, Duration retryAfter, String reason) {

	enum Verdict {

		DELIVERED, RETRY, GIVE_UP, DISABLE

	}

	/**
	 * @param statusCode the receiver's answer, or null when none came
	 * @param attempts the attempts made, this one included
	 */
	static DeliveryOutcome of(Integer statusCode, int attempts) {
		if (statusCode != null && statusCode >= 200 && statusCode < 300) {
			return new DeliveryOutcome(Verdict.DELIVERED, null, "the receiver answered " + statusCode);
		}
		if (statusCode != null && statusCode == 410) {
			return new DeliveryOutcome(Verdict.DISABLE, null,
					"the receiver answered 410 Gone: the subscription is disabled");
		}
		var answer = statusCode == null ? "no answer" : "the receiver answered " + statusCode;
		if (DeliveryBackoff.givesUp(attempts)) {
			return new DeliveryOutcome(Verdict.GIVE_UP, null, answer + "; given up after " + attempts + " attempts");
		}
		var wait = DeliveryBackoff.after(attempts);
		return new DeliveryOutcome(Verdict.RETRY, wait, answer + "; tried again in " + minutes(wait));
	}

	private static String minutes(Duration wait) {
		long minutes = wait.toMinutes();
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

}
