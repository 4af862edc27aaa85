package com.trellis.registration;

import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of an approval ({@link Registrations#approve}) that change nothing: the
 * registration awaits approval, and a named owner is an active account executive or sales
 * manager. A page form and a request body run them on what could be read, so that an
 * unreadable field is named together with these in one round. An owner left empty is
 * chosen by the approval itself (the account's owner or the registering rep).
 */
@Component
class ApprovalCheck {

	static final String OWNER = "name the active account executive who will own the deal";

	private final Registrations registrations;

	private final Users users;

	ApprovalCheck(Registrations registrations, Users users) {
		this.registrations = registrations;
		this.users = users;
	}

	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, ApproveCommand command) {
		this.registrations.requireDecides(viewer, id);
		var errors = new ArrayList<FieldError>();
		var status = this.registrations.get(viewer, id).status();
		if (!StatusAction.APPROVE.allowedFrom(status)) {
			errors.add(new FieldError("status", StatusAction.APPROVE.refusal(status)));
		}
		if (command != null && command.ownerId() != null) {
			var owner = this.users.findEnabled(command.ownerId())
				.filter(u -> u.role() == Role.AE || u.role() == Role.SALES_MANAGER);
			if (owner.isEmpty()) {
				errors.add(new FieldError("ownerId", OWNER));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
