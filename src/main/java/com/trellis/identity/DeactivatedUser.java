package com.trellis.identity;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to deactivating a user: the user as the administration sees them (its fields
 * at the top level, as for every other user answer), how many active users still name
 * them as their manager, and a warning naming those and the work the user still holds
 * (partners in their book, accounts, open deals…) with the hand-over that moves it to
 * active users ({@code null} warning and link when nothing is left).
 *
 * @param activeReports active users whose manager is this user
 * @param warning what to do about them, or null
 * @param handOver the hand-over page of this user, or null
 */
public record DeactivatedUser(@JsonUnwrapped UserAccount user, long activeReports, String warning, String handOver) {

	static DeactivatedUser of(UserAccount user, long activeReports, List<WorkHeld.Held> held) {
		var warning = user.active() ? null : warning(activeReports, held);
		return new DeactivatedUser(user, activeReports, warning,
				warning == null ? null : "/admin/users/" + user.id() + "/reassign");
	}

	/**
	 * The sentence the API and the users page show: the work the user still holds
	 * ({@link WorkHeld}) and the active users who still name them as their manager; null
	 * when nothing is left to hand over.
	 */
	static String warning(long activeReports, List<WorkHeld.Held> held) {
		var work = WorkHeld.inWords(held);
		var reports = activeReports + (activeReports == 1 ? " active user still names" : " active users still name")
				+ " this deactivated user as their manager";
		if (work == null) {
			return activeReports == 0 ? null : reports + "; hand them over to another manager";
		}
		return "This deactivated user still holds " + work + (activeReports == 0 ? "" : ", and " + reports)
				+ "; hand them over to active users";
	}

}
