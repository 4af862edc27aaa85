package com.trellis.hygiene;

/**
 * The checks of the hygiene report, each with what it finds and whether it has a
 * one-click fix.
 */
public enum HygieneCheck {

	MISSING_FIELDS("Open deals missing an amount, a close date or an account", false),
	STALE_DEALS("Open deals longer in their stage than the stage's norm", false),
	SLIPPED_CLOSE_DATES("Open deals whose close date has passed or was moved more than twice", false),
	ACCOUNTS_WITHOUT_DOMAIN("Accounts without a web domain", false),
	DUPLICATE_ACCOUNTS("Accounts that are the same customer (same registrable domain or near-identical name)", false),
	OWNER_NOT_ACCOUNT_OWNER("Open deals owned by someone other than the account's owner", false),
	OVERLAPPING_REGISTRATIONS("Open registrations of different partners for the same customer", false),
	DEACTIVATED_OWNERS("Open deals held by a deactivated user", true);

	private final String description;

	private final boolean fixable;

	HygieneCheck(String description, boolean fixable) {
		this.description = description;
		this.fixable = fixable;
	}

	public String description() {
		return this.description;
	}

	public boolean fixable() {
		return this.fixable;
	}

	/**
	 * Whether a job computes and stores this check's records (requests read them with the
	 * time they were computed) instead of each read finding them.
	 */
	public boolean stored() {
		return this == DUPLICATE_ACCOUNTS || this == OVERLAPPING_REGISTRATIONS;
	}

}
