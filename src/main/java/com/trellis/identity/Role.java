package com.trellis.identity;

import com.trellis.shared.BodyChoice;

/**
 * The roles of §2 of the product brief. A request body names a vendor role only
 * ({@link BodyChoice}): partner users are made by invitation.
 */
public enum Role implements BodyChoice {

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

	/** The noun with its article: "an account executive", "a PAM". */
	public String withArticle() {
		var noun = noun();
		return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
	}

	public boolean isVendor() {
		return this != PARTNER;
	}

	@Override
	public boolean takenInBodies() {
		return isVendor();
	}

}
