package com.trellis.registration;

import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of an approval ({@link Registrations#approve}) that change nothing: a named
 * owner is an active account executive or sales manager (400 naming {@code ownerId}), a
 * credit other than the default comes with a reason ({@code reason}), and the
 * registration awaits approval (else a conflict with its state, 409, or named with a bad
 * owner in the 400). A page form and a request body run them on what could be read, so
 * that an unreadable field is named together with these in one round. An owner left empty
 * is chosen by the approval itself (the account's owner or the registering rep).
 */
@Component
class ApprovalCheck {

	static final String OWNER = "name the active account executive who will own the deal";

	private final Registrations registrations;

	private final Users users;

	private final Partners partners;

	private final RegistrationAccess access;

	ApprovalCheck(Registrations registrations, Users users, Partners partners, RegistrationAccess access) {
		this.registrations = registrations;
		this.access = access;
		this.users = users;
		this.partners = partners;
	}

	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, ApproveCommand command) {
		this.registrations.requireDecides(viewer, id);
		var row = this.access.visible(viewer, id);
		StatusMoves.requireMove(row.view(), StatusAction.APPROVE,
				() -> requireInput(this.users, this.partners, viewer, row, command));
	}

	/**
	 * The approval's input checks, every bad field named at once: the owner, the reason
	 * for a credit other than the default, the partner still in the program.
	 */
	static void requireInput(Users users, Partners partners, Viewer viewer, RegistrationRepository.Row row,
			ApproveCommand command) {
		com.trellis.shared.FormErrors
			.checks(() -> requireOwner(users, command), () -> requireReason(row, command),
					() -> requireInProgram(partners, viewer, row.view()))
			.run();
	}

	/**
	 * The credit an approval gives when the PAM chooses none: the one proposed; where the
	 * registration met a direct deal, a sourced proposal joins that deal as influenced
	 * (the rep's deal was there first).
	 */
	static CreditType defaultCredit(RegistrationRepository.Row row) {
		var proposed = row.view().creditType();
		return row.directConflictId() != null && proposed == CreditType.SOURCED ? CreditType.INFLUENCED : proposed;
	}

	/**
	 * A credit other than the default is a decision against the partner's proposal: it
	 * needs a reason (400 naming {@code reason}; try01 saw a sourced deal approved as
	 * influenced, the partner's share halved, with nothing said why).
	 */
	static void requireReason(RegistrationRepository.Row row, ApproveCommand command) {
		var byDefault = defaultCredit(row);
		// only a registration awaiting approval still carries the partner's proposal (an
		// approved one carries the credit given, and its approval is refused as a
		// conflict)
		if (command != null && row.view().status() == RegistrationStatus.PENDING && command.overrides(byDefault)) {
			com.trellis.shared.validation.FreeText.required("reason", command.reason(),
					com.trellis.shared.validation.FreeText.NOTE,
					"say why the deal gets " + command.creditType().label().toLowerCase() + " credit, not the "
							+ byDefault.label().toLowerCase() + " credit "
							+ (byDefault == row.view().creditType() ? "the partner proposed" : "it would get"));
		}
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
