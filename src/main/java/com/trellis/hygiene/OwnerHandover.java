package com.trellis.hygiene;

/**
 * Whether a deal held by a deactivated user can go to its account's owner without anyone
 * choosing: only when the account has an owner who is active, an account executive or
 * sales manager, and not the deactivated holder.
 */
final class OwnerHandover {

	private OwnerHandover() {
	}

	static Decision decide(Long accountOwnerId, Boolean accountOwnerEnabled, String accountOwnerRole,
			long currentOwnerId) {
		if (accountOwnerId == null) {
			return new Decision(false, "the account has no owner: pick a new owner on the deal");
		}
		if (accountOwnerId == currentOwnerId) {
			return new Decision(false, "the deactivated user also owns the account: reassign the account first");
		}
		if (!Boolean.TRUE.equals(accountOwnerEnabled)) {
			return new Decision(false, "the account's owner is deactivated too");
		}
		if (!"AE".equals(accountOwnerRole) && !"SALES_MANAGER".equals(accountOwnerRole)) {
			return new Decision(false, "the account's owner is not an account executive or sales manager");
		}
		return new Decision(true, "goes to the account's owner");
	}

	record Decision(boolean allowed, String reason) {
	}

}
