package com.trellis.notify;

import java.time.Instant;

/**
 * A notice in a partner's inbox.
 */
public record Notification(long id, long partnerId, String kind, String subject, String body, String link,
		Instant createdAt) {
}
