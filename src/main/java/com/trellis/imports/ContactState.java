package com.trellis.imports;

import java.util.Optional;

/**
 * What the contacts import does with the {@code state} a row gives (the contacts export
 * writes {@code ACTIVE} or {@code DEACTIVATED}): nothing, ever. Whether a user can sign
 * in changes only through an invitation (a PAM) or the user administration (an admin),
 * both audited with who did it; a file re-imported weeks later must not re-open a
 * leaver's account nor lock out a user who was invited since. So the state is kept, and a
 * row whose state differs from the user's, or a new contact marked active, gets a notice
 * saying what was kept and who can change it; never silently.
 */
enum ContactState {

	ACTIVE, DEACTIVATED;

	/** The state named by a cell (any case), or empty. */
	static Optional<ContactState> of(String value) {
		for (var state : values()) {
			if (state.name().equalsIgnoreCase(value)) {
				return Optional.of(state);
			}
		}
		return Optional.empty();
	}

	/**
	 * The notice for a row asking for this state of a contact who can sign in
	 * ({@code active}), cannot, or is new ({@code null}: created deactivated); empty when
	 * the row asks for what is.
	 */
	Optional<String> notice(Boolean active) {
		if (active == null) {
			return this == ACTIVE ? Optional.of("created DEACTIVATED: an imported contact signs in once their PAM "
					+ "invites them (the import never opens an account)") : Optional.empty();
		}
		if ((this == ACTIVE) == active) {
			return Optional.empty();
		}
		return Optional
			.of(active ? "kept ACTIVE: the import never deactivates a user (an admin does, on the Users page)"
					: "kept DEACTIVATED: the import never opens an account (the PAM invites the contact, "
							+ "or an admin reactivates the user)");
	}

}
