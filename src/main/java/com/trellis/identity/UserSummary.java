package com.trellis.identity;

/**
 * What other modules may know about a user.
 */
public record UserSummary(long id, String email, String displayName, Role role, Long managerId, String team,
		Long partnerId, String jobRole) {
}
