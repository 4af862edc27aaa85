package com.trellis.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The users list's filter parameters, read as given or refused, on the page and the API
 * alike: each bad one adds a {@link FieldError} naming its parameter, so a request hears
 * of every bad parameter at once.
 */
final class UserListParameters {

	private UserListParameters() {
	}

	/** The role a {@code role} parameter names (any case); null when blank. */
	static Role role(String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (var role : Role.values()) {
			if (role.name().equalsIgnoreCase(text.strip())) {
				return role;
			}
		}
		errors.add(new FieldError("role", "unknown role '" + text.strip() + "'; one of "
				+ String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList())));
		return null;
	}

	/**
	 * {@code true} or {@code false} (any case) from an {@code active} parameter; null
	 * when blank.
	 */
	static Boolean active(String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				errors.add(new FieldError("active", "must be true or false, not '" + text.strip() + "'"));
				yield null;
			}
		};
	}

}
