package com.trellis.hygiene;

import com.trellis.identity.Role;

/**
 * Whose data a viewer's hygiene report covers: a program admin the whole program; a PAM
 * their book, that is the deals with one of their partners on them, the accounts of those
 * deals or of their partners' registrations, and their partners' registrations. Anyone
 * else has no report.
 *
 * @param pamId the PAM whose book is covered, or null for the whole program
 */
record HygieneScope(Long pamId) {

	static final HygieneScope PROGRAM = new HygieneScope(null);

	/** The scope of a role, or null when the role has no hygiene report. */
	static HygieneScope of(Role role, long userId) {
		return switch (role) {
			case ADMIN -> PROGRAM;
			case PAM -> new HygieneScope(userId);
			default -> null;
		};
	}

}
