package com.trellis.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.trellis.shared.InvalidInputException;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes in UTF-8 (the most the password hash reads), no control
 * characters, not the e-mail address, and typed the same twice.
 */
public final class PasswordRule {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordRule() {
	}

	/** The first thing wrong with the password and its confirmation, naming the field. */
	public static Optional<InvalidInputException.FieldError> check(String password, String confirmation, String email) {
		if (password == null || password.isEmpty()) {
			return refuse("password", "must not be empty");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return refuse("password", "must have at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return refuse("password",
					"must be at most " + MAX_BYTES + " bytes long (fewer accented or other " + "non-ASCII characters)");
		}
		if (password.codePoints().anyMatch(Character::isISOControl)) {
			return refuse("password", "must not contain control characters");
		}
		if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
			return refuse("password", "must not be your e-mail address");
		}
		if (!password.equals(confirmation)) {
			return refuse("confirmPassword", "does not match the password");
		}
		return Optional.empty();
	}

	/** Refuses a bad password with a 400 naming the field. */
	public static void require(String password, String confirmation, String email) {
		check(password, confirmation, email).ifPresent(error -> {
			throw new InvalidInputException(java.util.List.of(error));
		});
	}

	private static Optional<InvalidInputException.FieldError> refuse(String field, String message) {
		return Optional.of(new InvalidInputException.FieldError(field, message));
	}

}
