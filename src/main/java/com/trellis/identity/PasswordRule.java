package com.trellis.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What a password a person chooses must be, on every path that sets one (own change, the
 * forced change after a one-time password, reset link, invitation link): at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8 (the most
 * BCrypt reads; a longer one would be cut without a word), no control characters, not
 * only spaces, not the e-mail address, not the password it replaces, and typed the same
 * twice.
 */
final class PasswordRule {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	static final String FIELD = "password";

	static final String CONFIRMATION = "confirmPassword";

	private PasswordRule() {
	}

	/**
	 * The first thing wrong with the password and its confirmation, naming the field;
	 * empty when it is acceptable.
	 * @param email the e-mail the user signs in with
	 * @param sameAsCurrent whether the password is the one the user has now
	 * ({@code false} where the current one is not known)
	 */
	static Optional<FieldError> check(String password, String confirmation, String email, boolean sameAsCurrent) {
		if (password == null || password.isEmpty()) {
			return refuse(FIELD, "choose a password");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return refuse(FIELD, "must have at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return refuse(FIELD, "must be at most " + MAX_BYTES
					+ " bytes long in UTF-8 (accented and other non-ASCII characters count 2 to 4 bytes each)");
		}
		if (password.codePoints().anyMatch(Character::isISOControl)) {
			return refuse(FIELD, "must not contain control characters");
		}
		if (com.trellis.shared.validation.TextRule.blankToTheEye(password)) {
			// twelve spaces (or zero-width ones) pass every rule above and are the first
			// thing a guesser tries
			return refuse(FIELD, "must contain characters you can see, not only spaces or invisible ones");
		}
		if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
			return refuse(FIELD, "must not be your e-mail address");
		}
		if (sameAsCurrent) {
			return refuse(FIELD, "must differ from the password you have now");
		}
		if (!password.equals(confirmation)) {
			return refuse(CONFIRMATION, "does not match the password");
		}
		return Optional.empty();
	}

	/** Refuses a bad password with a 400 naming the field. */
	static void require(String password, String confirmation, String email, boolean sameAsCurrent) {
		check(password, confirmation, email, sameAsCurrent).ifPresent(error -> {
			throw new InvalidInputException(List.of(error));
		});
	}

	private static Optional<FieldError> refuse(String field, String message) {
		return Optional.of(new FieldError(field, message));
	}

}
