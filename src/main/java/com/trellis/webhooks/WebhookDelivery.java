package com.trellis.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One message's delivery to one subscription, with every attempt made: when, the
 * receiver's status code (none when it did not answer), how long it took, and why it
 * failed.
 */
public record WebhookDelivery(long id, String messageId, String type, String status, int attempts,
		Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
		List<Attempt> log) {

	public record Attempt(Instant at, Integer statusCode, int durationMs, String error) {
	}

}
