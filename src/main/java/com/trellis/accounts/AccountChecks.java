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

}
