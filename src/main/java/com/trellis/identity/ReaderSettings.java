package com.trellis.identity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a user reads numbers and dates on pages.
 *
 * @param locale a BCP 47 tag ("de-DE"); null or empty reads with the program's locale
 * @param timeZone an IANA time zone ("Europe/Berlin"); null or empty reads in the
 * program's business zone
 */
public record ReaderSettings(@Schema(example = "de-DE") String locale,
		@Schema(example = "Europe/Berlin") String timeZone) {

	public ReaderSettings {
		locale = locale == null || locale.isBlank() ? null : locale.strip();
		timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
	}

}
