package com.trellis.invitations;

import java.time.Instant;

/**
 * An invitation as its partner's PAM and admins see it; never its link.
 *
 * @param status PENDING until accepted, revoked or past {@code expiresAt} (EXPIRED);
 * WITHDRAWN when its partner was sunset before it was accepted (its link no longer opens,
 * and its address may be invited elsewhere)
 * @param sends how often it was sent (a resend replaces the link)
 * @param userId the partner user it opened, once accepted
 */
public record InvitationView(long id, long partnerId, String name, String email, Status status, long invitedBy,
		Instant createdAt, Instant sentAt, Instant expiresAt, int sends, Instant acceptedAt, Instant revokedAt,
		Long userId) {

	public enum Status {

		PENDING, EXPIRED, ACCEPTED, REVOKED, WITHDRAWN

	}

}
