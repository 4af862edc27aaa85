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

	public boolean isVendor() {
		return this != PARTNER;
	}

}
