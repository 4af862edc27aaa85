package com.trellis.identity;

import java.time.Instant;

/**
 * An API token as its owner (or an admin) sees it: never its secret.
 *
 * @param id the token's id
 * @param userId whose token it is
 * @param name the name its owner gave it
 * @param createdAt when it was issued
 * @param lastUsedAt when it was last used (to the minute), or null
 * @param expiresAt when it stops working, or null
 * @param revokedAt when it was revoked, or null
 * @param status whether it still works
 */
public record TokenView(long id, long userId, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
		Instant revokedAt, Status status) {

	public enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

	static Status status(Instant expiresAt, Instant revokedAt, Instant now) {
		if (revokedAt != null) {
			return Status.REVOKED;
		}
		return expiresAt != null && !expiresAt.isAfter(now) ? Status.EXPIRED : Status.ACTIVE;
	}

}
