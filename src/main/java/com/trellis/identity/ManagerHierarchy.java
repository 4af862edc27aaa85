package com.trellis.identity;

import java.util.List;

/**
 * Whether a vendor user may report to a proposed manager: the manager must be an active
 * vendor user, and the reporting line must not come back to the user (nobody manages
 * themselves, directly or through their own reports).
 */
final class ManagerHierarchy {

	private ManagerHierarchy() {
	}

	/**
	 * @param userId the user being edited; null for a new user (who has no reports yet)
	 * @param manager the proposed manager; null for none
	 * @param chainAboveManager the ids of the proposed manager's managers, nearest first
	 */
	static Decision decide(Long userId, Candidate manager, List<Long> chainAboveManager) {
		return decide(userId, manager, chainAboveManager, false);
	}

	/**
	 * As above; {@code unchanged} when the user already reports to this manager: an edit
	 * that keeps the manager is never refused for it, even when the manager has left
	 * since (their reports stay with them until someone names another, for example
	 * through the hand-over); only a newly named manager must be active.
	 */
	static Decision decide(Long userId, Candidate manager, List<Long> chainAboveManager, boolean unchanged) {
		if (manager == null) {
			return Decision.allowed("No manager");
		}
		if (unchanged) {
			return Decision.allowed("Keeps reporting to " + manager.name());
		}
		if (!manager.vendor()) {
			return Decision.refused("must be a vendor user; a partner user manages no one");
		}
		if (!manager.active()) {
			return Decision.refused("must be an active user; " + manager.name() + " is deactivated");
		}
		if (userId != null && manager.id() == userId) {
			return Decision.refused("a user cannot be their own manager");
		}
		if (userId != null && chainAboveManager.contains(userId)) {
			return Decision.refused(manager.name() + " reports to this user already (directly or indirectly); "
					+ "that would make a cycle in the hierarchy");
		}
		return Decision.allowed("Reports to " + manager.name());
	}

	/** The proposed manager as the rule needs them. */
	record Candidate(long id, String name, boolean vendor, boolean active) {
	}

	record Decision(boolean allowed, String reason) {

		static Decision allowed(String reason) {
			return new Decision(true, reason);
		}

		static Decision refused(String reason) {
			return new Decision(false, reason);
		}

	}

}
