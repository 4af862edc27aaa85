package com.trellis.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The work a user holds that another module owns (accounts, open deals, leads, a partner
 * book, direct reports, account plans), told to the user administration, which may not
 * read those modules itself: the hand-over module implements it. A role change is refused
 * while the user holds work the new role may not hold (a PAM made an AE with partners
 * still in their book), and a deactivation names what is left to hand over.
 */
public interface WorkHeld {

	/** What the user holds, kind by kind, with the roles that may hold each. */
	List<Held> heldBy(long userId);

	/**
	 * One kind of work.
	 *
	 * @param one the kind in words for one ("partner in their book")
	 * @param many the kind in words for several ("partners in their book")
	 * @param count how many the user holds
	 * @param mayHold the roles that may hold it
	 */
	record Held(String one, String many, long count, Set<Role> mayHold) {
	}

	/**
	 * Why the user cannot take {@code role} (null when they can): each kind held that the
	 * role may not hold, with the way out.
	 */
	static String refusedRole(List<Held> held, Role role) {
		var kept = held.stream().filter(h -> h.count() > 0 && !h.mayHold().contains(role)).toList();
		if (kept.isEmpty()) {
			return null;
		}
		return "this user holds " + counted(kept) + ", which " + role.withArticle()
				+ " may not hold; hand them over first (Hand over their work, on this user's page)";
	}

	/**
	 * The work held in words, "37 partners in their book and 2 open deals"; null when
	 * nothing.
	 */
	static String inWords(List<Held> held) {
		var kept = held.stream().filter(h -> h.count() > 0).toList();
		return kept.isEmpty() ? null : counted(kept);
	}

	private static String counted(List<Held> held) {
		var parts = new ArrayList<String>();
		held.forEach(h -> parts.add(com.trellis.shared.Plural.of(h.count(), h.one(), h.many())));
		return parts.size() == 1 ? parts.get(0)
				: String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
	}

}
