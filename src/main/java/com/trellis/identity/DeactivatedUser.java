package com.trellis.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to deactivating a user: the user as the administration sees them (its fields
 * at the top level, as for every other user answer), and how many active users still name
 * them as their manager, with a warning and the hand-over that moves those reports to
 * another manager ({@code null} warning and link when none do).
 *
 * @param activeReports active users whose manager is this user
 * @param warning what to do about them, or null
 * @param handOver the hand-over page of this user, or null
 */
public record DeactivatedUser(@JsonUnwrapped UserAccount user, long activeReports, String warning, String handOver) {

	static DeactivatedUser of(UserAccount user, long activeReports) {
		if (user.active() || activeReports == 0) {
			return new DeactivatedUser(user, activeReports, null, null);
		}
		return new DeactivatedUser(user, activeReports, warning(activeReports),
				"/admin/users/" + user.id() + "/reassign");
	}

	/** The sentence the API and the users page show. */
	static String warning(long activeReports) {
		return activeReports + (activeReports == 1 ? " active user still names" : " active users still name")
				+ " this deactivated user as their manager; hand them over to another manager";
	}

}
