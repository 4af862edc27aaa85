package com.trellis.identity;

/**
 * The roles of §2 of the product brief.
 */
public enum Role {

	ADMIN("Program admin"), PAM("Partner account manager"), AE("Account executive"), SALES_MANAGER("Sales manager"),
	EXECUTIVE("Executive"), PARTNER("Partner user");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The role in a sentence: "PAM", else the label in lower case ("sales manager",
	 * "account executive"); add "s" for its people.
	 */
	public String noun() {
		return this == PAM ? "PAM" : this.label.toLowerCase(java.util.Locale.ROOT);
	}

	public boolean isVendor() {
		return this != PARTNER;
	}

}
