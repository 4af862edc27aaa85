package com.trellis.identity;

/**
 * How often anyone may ask for a password reset link: per e-mail address (known or not,
 * so that the limit tells nothing about which addresses exist) and per client address,
 * each within one window. A refused request is answered like any other; it only sends
 * nothing.
 */
final class ResetRequestLimit {

	private final int perEmail;

	private final int perAddress;

	ResetRequestLimit(int perEmail, int perAddress) {
		if (perEmail < 1 || perAddress < 1) {
			throw new IllegalArgumentException("Reset request limits must be at least 1");
		}
		this.perEmail = perEmail;
		this.perAddress = perAddress;
	}

	/**
	 * @param forEmail earlier requests for this e-mail in the window
	 * @param fromAddress earlier requests from this client address in the window
	 */
	Decision decide(int forEmail, int fromAddress) {
		if (forEmail >= this.perEmail) {
			return new Decision(false,
					"already " + forEmail + " requests for this e-mail in the window (limit " + this.perEmail + ")");
		}
		if (fromAddress >= this.perAddress) {
			return new Decision(false, "already " + fromAddress + " requests from this address in the window (limit "
					+ this.perAddress + ")");
		}
		return new Decision(true, "within the limits");
	}

	record Decision(boolean allowed, String reason) {
	}

}
