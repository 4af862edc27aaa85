package com.trellis.notify;

import java.time.Instant;

/**
 * A notice in an inbox: a partner's ({@code partnerId}) or a staff member's (then
 * {@code partnerId} is 0); {@code unread} only ever true for a staff member's own notice.
 */
public record Notification(long id, long partnerId, String kind, String subject, String body, String link,
		Instant createdAt, boolean unread) {

	Notification(long id, long partnerId, String kind, String subject, String body, String link, Instant createdAt) {
		this(id, partnerId, kind, subject, body, link, createdAt, false);
	}

}
