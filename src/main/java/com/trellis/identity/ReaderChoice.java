package com.trellis.identity;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Whether a locale and a time zone chosen for reading pages are ones Trellis writes
 * numbers and dates in: a locale from {@link #LOCALES} (a BCP 47 tag), a time zone by its
 * IANA name ("Europe/Berlin", "UTC"); empty means the program's. Each refusal names its
 * field and says what would be accepted.
 */
final class ReaderChoice {

	/** The locales offered, by tag. */
	static final List<String> LOCALES = List.of("en-US", "en-GB", "en-IN", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL",
			"pt-BR", "sv-SE", "pl-PL", "ja-JP");

	/** The time zones offered: region names and UTC, sorted. */
	static final Set<String> ZONES = zones();

	private ReaderChoice() {
	}

	/** The fields in error; none when both may be kept. */
	static List<FieldError> check(String locale, String timeZone) {
		var errors = new ArrayList<FieldError>();
		if (locale != null && !locale.isBlank() && !LOCALES.contains(locale.strip())) {
			errors.add(new FieldError("locale", locale.length() > 35 ? "is longer than 35 characters"
					: "is not a locale pages are written in; choose one of " + String.join(", ", LOCALES)));
		}
		if (timeZone != null && !timeZone.isBlank() && !ZONES.contains(timeZone.strip())) {
			errors.add(new FieldError("timeZone",
					timeZone.length() > 64 ? "is longer than 64 characters" : zoneProblem(timeZone.strip())));
		}
		return errors;
	}

	/**
	 * Why a zone name not offered is refused: no time zone at all, or one of the zones
	 * pages do not offer (Etc/GMT-14, whose sign is the reverse of the offset it names;
	 * US/Eastern and other aliases), which the region whose clocks the reader reads
	 * replaces.
	 */
	private static String zoneProblem(String name) {
		try {
			ZoneId.of(name);
			return "is a time zone name, but pages offer the region names (such as Europe/Berlin, America/New_York or"
					+ " Pacific/Kiritimati) and UTC: choose the region whose clocks you read";
		}
		catch (java.time.DateTimeException ex) {
			return "is not a time zone name such as Europe/Berlin, America/New_York or UTC";
		}
	}

	/** The locale a stored tag stands for; null for none. */
	static Locale locale(String tag) {
		return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
	}

	/** The zone a stored name stands for; null for none. */
	static ZoneId zone(String name) {
		return name == null || name.isBlank() ? null : ZoneId.of(name);
	}

	private static Set<String> zones() {
		var zones = new TreeSet<String>();
		for (var id : ZoneId.getAvailableZoneIds()) {
			if (id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+")) {
				zones.add(id);
			}
		}
		zones.add("UTC");
		return java.util.Collections.unmodifiableSet(zones);
	}

}
