package com.trellis.webhooks;

import java.time.Instant;
import java.util.List;

/** A subscription as an admin sees it; its secret is never shown again after creation. */
public record WebhookSubscription(long id, String url, List<String> eventTypes, String description, boolean enabled,
		String disabledReason, Instant createdAt, Instant updatedAt) {
}
