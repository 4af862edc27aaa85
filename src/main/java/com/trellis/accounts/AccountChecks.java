package com.trellis.accounts;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The account rule an operation names with {@link com.trellis.identity.ActsOn}, so it
 * decides before the operation's input is bound.
 */
final class AccountChecks {

	private AccountChecks() {
	}

	/** Who changes the account ({@link Accounts#requireEditable}). */
	@Component
	static class Editable implements AccessCheck {

		private final Accounts accounts;

		Editable(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.accounts.requireEditable(viewer, id);
			}
		}

	}

	/**
	 * An account is seen by vendor staff ({@link Accounts#get}; 404 to partner users),
	 * checked before any read under its path is bound
	 * ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(Accounts accounts) {
			super(accounts::get, "/api/v1/accounts/{id}", "/accounts/{id}");
		}

	}

}
