package com.trellis.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sentence a refusal by an endpoint's role rule ({@code @PreAuthorize}) gives: the
 * roles the rule lets in, named as people ("This is for program admins and PAMs"; "This
 * is not for executives" when it shuts out one role), for the rules written as
 * {@code hasRole('X')}, {@code hasAnyRole('X', 'Y')} or {@code !hasRole('X')}; any other
 * rule gives the general sentence ({@link com.trellis.shared.Forbidden#GENERAL}).
 */
final class RoleRuleReason {

	private static final Pattern ANY = Pattern.compile("\\s*(!?)has(?:Any)?Role\\(([^()]*)\\)\\s*");

	private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

	private RoleRuleReason() {
	}

	/** The sentence for a rule's expression. */
	static String of(String rule) {
		var roles = allowed(rule);
		if (roles == null || roles.isEmpty()) {
			return com.trellis.shared.Forbidden.GENERAL;
		}
		var shut = EnumSet.complementOf(EnumSet.copyOf(roles));
		if (shut.equals(EnumSet.of(Role.PARTNER))) {
			return "This is for vendor staff";
		}
		if (shut.size() == 1) {
			return "This is not for " + people(shut.iterator().next());
		}
		var people = new ArrayList<String>();
		roles.forEach(role -> people.add(people(role)));
		return "This is for " + list(people);
	}

	/**
	 * The roles a rule lets in, or {@code null} when it is not one of the plain forms.
	 */
	static Set<Role> allowed(String rule) {
		var matcher = ANY.matcher(rule);
		if (!matcher.matches()) {
			return null;
		}
		var named = EnumSet.noneOf(Role.class);
		var roles = ROLE.matcher(matcher.group(2));
		while (roles.find()) {
			try {
				named.add(Role.valueOf(roles.group(1)));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return matcher.group(1).isEmpty() ? named : EnumSet.complementOf(named);
	}

	/** A role's people, as the checks' own sentences name them ("PAMs"). */
	private static String people(Role role) {
		return role.noun() + "s";
	}

	private static String list(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

}
