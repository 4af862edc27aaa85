package com.trellis.identity;

/**
 * Whom a single sign-on is for: the enabled vendor user with the e-mail address the
 * identity provider vouches for (verified, compared without regard to case). Unknown
 * addresses, deactivated users and partner users are refused, each with its reason; no
 * user is ever created by signing in.
 */
final class SsoMatch {

	private SsoMatch() {
	}

	/**
	 * @param email the address the provider gave; may be null
	 * @param emailVerified the provider's {@code email_verified} claim; may be null
	 * @param user the Trellis user with that address, or null when there is none
	 */
	static Decision decide(String email, Boolean emailVerified, Candidate user) {
		if (email == null || email.isBlank() || !Boolean.TRUE.equals(emailVerified)) {
			return Decision.refused("unverified", "the provider did not vouch for a verified e-mail address");
		}
		if (user == null) {
			return Decision.refused("unknown", "no Trellis user has the e-mail address " + email);
		}
		if (!user.enabled()) {
			return Decision.refused("disabled", "the Trellis user with this e-mail address is deactivated");
		}
		if (!user.role().isVendor()) {
			return Decision.refused("partner", "single sign-on is for vendor staff, not partner users");
		}
		return new Decision(true, null, "enabled " + user.role().label() + " with this verified e-mail address");
	}

	record Candidate(Role role, boolean enabled) {
	}

	/**
	 * @param code why it was refused, short and stable (shown as a message on the sign-in
	 * page); null when allowed
	 */
	record Decision(boolean allowed, String code, String reason) {

		static Decision refused(String code, String reason) {
			return new Decision(false, code, reason);
		}

	}

}
