package com.trellis.identity;

import java.io.Serializable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a user reads numbers and dates on pages.
 *
 * @param locale a BCP 47 tag ("de-DE"); null or empty reads with the program's locale
 * @param timeZone an IANA time zone ("Europe/Berlin"); null or empty reads in the
 * program's business zone
 * <p>
 * Serializable: a refused choice is flashed back to the profile page through the
 * signed-in session, which lives in the database.
 */
public record ReaderSettings(@Schema(example = "de-DE") String locale,
		@Schema(example = "Europe/Berlin") String timeZone) implements Serializable {

	public ReaderSettings {
		locale = locale == null || locale.isBlank() ? null : locale.strip();
		timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
	}

}
