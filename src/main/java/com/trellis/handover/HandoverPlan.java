package com.trellis.handover;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.identity.Role;

/**
 * Who takes over each kind of a leaver's work. A kind the leaver holds none of needs no
 * one. Otherwise its own receiver is named, or else the one receiver for everything; the
 * receiver is an active user other than the leaver with a role that may hold that kind
 * (accounts, deals and leads an account executive or sales manager, partners a PAM,
 * direct reports any vendor user who is not below the leaver). Every kind that cannot be
 * placed is refused with its field, and then nothing moves; a field that is refused for
 * several kinds (the one receiver for everything) is one refusal, with each distinct
 * reason once.
 */
final class HandoverPlan {

	private HandoverPlan() {
	}

	/**
	 * @param leaverId whose work is handed over
	 * @param held how much of each kind the leaver holds
	 * @param everything the receiver named for all kinds; null when none
	 * @param perKind the receiver named for a kind, overriding {@code everything}
	 */
	static Decision decide(long leaverId, Map<Kind, Long> held, Receiver everything, Map<Kind, Receiver> perKind) {
		return decide(leaverId, held, everything, perKind, Set.of());
	}

	/**
	 * As above; {@code belowLeaver} holds everyone who reports to the leaver at any
	 * depth: none of them can become the new manager of the leaver's reports, which would
	 * put a report above the manager they report to (a cycle).
	 */
	static Decision decide(long leaverId, Map<Kind, Long> held, Receiver everything, Map<Kind, Receiver> perKind,
			Set<Long> belowLeaver) {
		Map<Kind, Receiver> moves = new EnumMap<>(Kind.class);
		Map<String, Set<String>> refusals = new LinkedHashMap<>();
		for (var kind : Kind.values()) {
			long count = held.getOrDefault(kind, 0L);
			if (count == 0) {
				// whoever is named must be someone, also for work the leaver does not
				// hold
				named(refusals, leaverId, kind.field(), perKind.get(kind));
				continue;
			}
			var own = perKind.get(kind);
			var receiver = own != null ? own : everything;
			var field = own != null || everything == null ? kind.field() : "toUserId";
			if (receiver == null) {
				refuse(refusals, kind.field(), "name who takes the " + kind.counted(count));
			}
			else if (!receiver.exists()) {
				refuse(refusals, field, "no user has the id " + receiver.id());
			}
			else if (receiver.id() == leaverId) {
				refuse(refusals, field, "must be someone other than the user whose work is handed over");
			}
			else if (!receiver.active()) {
				refuse(refusals, field, receiver.name() + " is deactivated; name an active user");
			}
			else if (kind == Kind.REPORTS && belowLeaver.contains(receiver.id())) {
				refuse(refusals, field, receiver.name() + " reports to the user whose work is handed over (directly or "
						+ "indirectly); their reports cannot move under them");
			}
			else if (!kind.takenBy(receiver.role())) {
				refuse(refusals, field, "the " + kind.counted(count) + (count == 1 ? " goes" : " go") + " to "
						+ kind.receiversText() + "; " + receiver.name() + " is " + receiver.role().withArticle());
			}
			else {
				moves.put(kind, receiver);
			}
		}
		named(refusals, leaverId, "toUserId", everything);
		List<Refusal> byField = new ArrayList<>();
		refusals.forEach((field, reasons) -> byField.add(new Refusal(field, String.join("; ", reasons))));
		return new Decision(moves, byField);
	}

	private static void named(Map<String, Set<String>> refusals, long leaverId, String field, Receiver receiver) {
		if (receiver == null) {
			return;
		}
		if (!receiver.exists()) {
			refuse(refusals, field, "no user has the id " + receiver.id());
		}
		else if (receiver.id() == leaverId) {
			refuse(refusals, field, "must be someone other than the user whose work is handed over");
		}
	}

	private static void refuse(Map<String, Set<String>> refusals, String field, String reason) {
		refusals.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(reason);
	}

	/**
	 * A named receiver; {@code exists} false when no user has the id.
	 */
	record Receiver(long id, String name, Role role, boolean active, boolean exists) {

		static Receiver unknown(long id) {
			return new Receiver(id, null, null, false, false);
		}

	}

	record Refusal(String field, String reason) {
	}

	/** Where each kind goes, or why it cannot go anywhere. */
	record Decision(Map<Kind, Receiver> moves, List<Refusal> refusals) {

		boolean allowed() {
			return this.refusals.isEmpty();
		}

	}

}
