package com.trellis.notify;

import java.time.Instant;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

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

	/**
	 * The notice as a reader in the locale reads it: the figures of its subject and body
	 * in the locale's notation ({@link StoredFigures} parts; a notice without parts reads
	 * as it was stored).
	 */
	Notification worded(Locale locale) {
		return new Notification(this.id, this.partnerId, this.kind, StoredFigures.render(this.subject, locale),
				StoredFigures.render(this.body, locale), this.link, this.createdAt, this.unread);
	}

}
