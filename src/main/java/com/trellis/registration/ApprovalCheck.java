package com.trellis.registration;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of an approval ({@link Registrations#approve}) that change nothing: a named
 * owner is an active account executive or sales manager (400 naming {@code ownerId}), and
 * the registration awaits approval (else a conflict with its state, 409, or named with a
 * bad owner in the 400). A page form and a request body run them on what could be read,
 * so that an unreadable field is named together with these in one round. An owner left
 * empty is chosen by the approval itself (the account's owner or the registering rep).
 */
@Component
class ApprovalCheck {

	static final String OWNER = "name the active account executive who will own the deal";

	private final Registrations registrations;

	private final Users users;

	private final Partners partners;

	ApprovalCheck(Registrations registrations, Users users, Partners partners) {
		this.registrations = registrations;
		this.users = users;
		this.partners = partners;
	}

	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, ApproveCommand command) {
		this.registrations.requireDecides(viewer, id);
		var view = this.registrations.get(viewer, id);
		StatusMoves.requireMove(view, StatusAction.APPROVE, () -> {
			requireOwner(this.users, command);
			requireInProgram(this.partners, viewer, view);
		});
	}

	/**
	 * Refuses the approval of a registration whose partner is now a prospect or sunset
	 * (try86: the partner was sunset while its registration waited, and the approval put
	 * it on a new open deal): 400 naming {@code partnerId}, as its submission would be.
	 */
	static void requireInProgram(Partners partners, Viewer viewer, RegistrationView view) {
		partners.get(viewer, view.partnerId()).lifecycleStatus().keepsOut("register deals").ifPresent(why -> {
			throw InvalidInputException.of("partnerId", why);
		});
	}

	/**
	 * Refuses a named owner who is not an active account executive or sales manager (bad
	 * input, whatever the registration's status).
	 */
	static void requireOwner(Users users, ApproveCommand command) {
		if (command != null && command.ownerId() != null
				&& users.findEnabled(command.ownerId())
					.filter(u -> u.role() == Role.AE || u.role() == Role.SALES_MANAGER)
					.isEmpty()) {
			throw InvalidInputException.of("ownerId", OWNER);
		}
	}

}
