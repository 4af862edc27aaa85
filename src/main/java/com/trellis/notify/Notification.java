package com.trellis.notify;

import java.time.Instant;

/**
 * A notice in an inbox: a partner's ({@code partnerId}) or a staff member's (then
 * {@code partnerId} is 0). {@code unread}: nobody it is for has read it yet (a staff
 * member's own notice: its owner; a partner's: any user of the partner, on the inbox page
 * or through the API's mark-read call), as it was before the read that lists it.
 */
public record Notification(long id, long partnerId, String kind, String subject, String body, String link,
		Instant createdAt, boolean unread) {

	Notification(long id, long partnerId, String kind, String subject, String body, String link, Instant createdAt) {
		this(id, partnerId, kind, subject, body, link, createdAt, false);
	}

}
