package com.trellis.identity;

import java.util.Optional;

/**
 * Whether a password a user chooses is acceptable: 12 to 128 characters, typed the same
 * twice, not their e-mail, and not the password it replaces.
 */
final class NewPasswordRule {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private NewPasswordRule() {
	}

	/** Why the password is refused, naming the field; empty when it is acceptable. */
	static Optional<Refusal> check(String password, String confirmation, String email, boolean sameAsCurrent) {
		if (password == null || password.isEmpty()) {
			return refuse("newPassword", "choose a password");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return refuse("newPassword", "must have at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			return refuse("newPassword", "must have at most " + MAX_LENGTH + " characters");
		}
		if (password.strip().equalsIgnoreCase(email == null ? "" : email.strip())) {
			return refuse("newPassword", "must not be your e-mail address");
		}
		if (sameAsCurrent) {
			return refuse("newPassword", "must differ from the password you have now");
		}
		if (!password.equals(confirmation)) {
			return refuse("confirmation", "does not match the new password");
		}
		return Optional.empty();
	}

	private static Optional<Refusal> refuse(String field, String reason) {
		return Optional.of(new Refusal(field, reason));
	}

	record Refusal(String field, String reason) {
	}

}
