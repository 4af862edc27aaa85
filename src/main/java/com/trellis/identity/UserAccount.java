package com.trellis.identity;

import java.time.Instant;

/**
 * A user as the administration sees them: who they are, where they sit in the
 * organisation and whether they may sign in.
 *
 * @param active whether they may sign in and use their API tokens
 * @param mustChangePassword whether their password is a one-time password they must
 * replace at the next sign-in
 */
public record UserAccount(long id, String email, String displayName, Role role, String team, Long managerId,
		String managerName, String jobRole, Long partnerId, boolean active, boolean mustChangePassword,
		Instant createdAt) {
}
