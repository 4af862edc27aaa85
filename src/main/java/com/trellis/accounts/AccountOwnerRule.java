package com.trellis.accounts;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Who owns an account and who changes it, as for deals: the owner is an active account
 * executive or sales manager the viewer may name; an admin changes any account, an
 * account executive their own, a sales manager their own, their team's and unowned ones.
 * Split from {@link Accounts}.
 */
@Component
class AccountOwnerRule {

	private final Users users;

	AccountOwnerRule(Users users) {
		this.users = users;
	}

	/**
	 * The account's owner for the command: the command's, else the account's current one,
	 * else the viewer when they are an account executive or sales manager, else nobody
	 * (null: an admin's new account without an owner); refused with a 400 naming
	 * {@code ownerAeId} when it is not an active account executive or sales manager, or
	 * one the viewer may not name ({@link Users#ownerOutOfReach}). An account keeps an
	 * owner who left ({@code currentOwner}) until someone names a new one.
	 */
	Long owner(Viewer viewer, AccountCommand command, Long currentOwner) {
		if (command.ownerAeId() == null && currentOwner != null) {
			return currentOwner; // an edit without an owner keeps the account's (try86)
		}
		if (command.ownerAeId() == null) {
			// an account executive or sales manager owns what they open; an admin's new
			// account without an owner is nobody's (an admin owns no accounts)
			return viewer.is(Role.AE, Role.SALES_MANAGER) ? viewer.userId() : null;
		}
		boolean kept = command.ownerAeId().equals(currentOwner);
		var owner = (kept ? this.users.find(command.ownerAeId()) : this.users.findEnabled(command.ownerAeId()))
			.orElse(null);
		if (owner == null || !(owner.role() == Role.AE || owner.role() == Role.SALES_MANAGER)) {
			throw InvalidInputException.of("ownerAeId",
					"must be the id of an active account executive or sales manager");
		}
		if (!kept) {
			this.users.ownerOutOfReach(viewer, owner.id(), "accounts").ifPresent(why -> {
				throw InvalidInputException.of("ownerAeId", why);
			});
		}
		return owner.id();
	}

	/**
	 * Whether the viewer may change the account (its page offers Edit only then): an
	 * admin any; an account executive their own; a sales manager their own, their team's
	 * (everyone reporting to them, at any depth) and accounts nobody owns, as with deals.
	 */
	boolean editable(Viewer viewer, AccountView account) {
		if (viewer.is(Role.ADMIN)) {
			return true;
		}
		Long owner = account.ownerAeId();
		if (viewer.is(Role.AE)) {
			return owner != null && owner == viewer.userId();
		}
		return viewer.is(Role.SALES_MANAGER)
				&& (owner == null || owner == viewer.userId() || this.users.reportsOf(viewer.userId()).contains(owner));
	}

}
