package com.trellis.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What a user asks for when issuing an API token, as typed into the form: a name and,
 * optionally, an expiry as a number of days or as the last day the token works, a day in
 * the business time zone.
 *
 * @param name the token's name; blank gives "API token"
 * @param expiresInDays whole days from now, or blank
 * @param expiresOn the last valid day as {@code yyyy-mm-dd}, or blank
 */
record TokenRequest(String name, String expiresInDays, String expiresOn) {

	static final int MAX_NAME = 60;

	static final String DEFAULT_NAME = "API token";

	/** The checked name and expiry, or every field error at once. */
	Checked check(Instant now, ZoneId businessZone, int maxDays) {
		List<FieldError> errors = new ArrayList<>();
		var checkedName = checkedName(this.name, errors);
		var expiresAt = expiresAt(now, businessZone, maxDays, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Checked(checkedName, expiresAt);
	}

	/**
	 * A name for a token: blank becomes the default; too long or control characters fail.
	 */
	static String checkedName(String name, List<FieldError> errors) {
		if (name == null || name.isBlank()) {
			return DEFAULT_NAME;
		}
		var stripped = name.strip();
		if (stripped.length() > MAX_NAME) {
			errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
		}
		else if (stripped.codePoints().anyMatch(TokenRequest::isControl)) {
			errors.add(new FieldError("name", "must not contain control or direction characters"));
		}
		else {
			// no-break spaces alone are blank to the reader though not to isBlank (s56)
			com.trellis.shared.validation.TextRule.problem(stripped, MAX_NAME, false)
				.ifPresent(why -> errors.add(new FieldError("name", why)));
		}
		return stripped;
	}

	private Instant expiresAt(Instant now, ZoneId businessZone, int maxDays, List<FieldError> errors) {
		boolean days = this.expiresInDays != null && !this.expiresInDays.isBlank();
		boolean date = this.expiresOn != null && !this.expiresOn.isBlank();
		if (days && date) {
			errors.add(new FieldError("expiresOn", "give either a number of days or a date, not both"));
			return null;
		}
		if (days) {
			var value = this.expiresInDays.strip();
			if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > maxDays) {
				errors.add(new FieldError("expiresInDays", "must be a whole number of days from 1 to " + maxDays));
				return null;
			}
			// that many days on the vendor's clocks: the same time of day, also across a
			// daylight-saving change
			return now.atZone(businessZone).plusDays(Integer.parseInt(value)).toInstant();
		}
		if (date) {
			var today = LocalDate.ofInstant(now, businessZone);
			LocalDate lastDay;
			try {
				lastDay = LocalDate.parse(this.expiresOn.strip());
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("expiresOn", "must be a date like 2027-01-31"));
				return null;
			}
			// today is a last valid day too: the token works until today ends (try72)
			if (lastDay.isBefore(today) || lastDay.isAfter(today.plusDays(maxDays))) {
				errors.add(new FieldError("expiresOn", "must be a day from today (" + today + ") to " + maxDays
						+ " days ahead (" + today.plusDays(maxDays) + ")"));
				return null;
			}
			return lastDay.plusDays(1).atStartOfDay(businessZone).toInstant();
		}
		return null;
	}

	private static boolean isControl(int codePoint) {
		return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
	}

	/**
	 * @param name the name to store
	 * @param expiresAt when the token stops working; null when it does not expire
	 */
	record Checked(String name, Instant expiresAt) {
	}

}
