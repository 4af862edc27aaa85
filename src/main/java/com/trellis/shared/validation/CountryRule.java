package com.trellis.shared.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which country codes Trellis takes: an ISO 3166-1 alpha-2 code of an officially assigned
 * country ({@code DE}, {@code GB}; not {@code UK}, {@code EU} or {@code XX}), in
 * capitals. The list is the JDK's
 * ({@link Locale#getISOCountries(Locale.IsoCountryCode)}), kept up to date with the JDK.
 */
public final class CountryRule {

	private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private CountryRule() {
	}

	/** The problem with a country code, or empty when it is one (or absent). */
	public static Optional<String> problem(String code) {
		if (code == null || CODES.contains(code)) {
			return Optional.empty();
		}
		return Optional.of("must be a two-letter ISO 3166 country code such as DE or US");
	}

	/**
	 * The code for what a source system wrote as a country: a two- or three-letter ISO
	 * 3166 code in any case ({@code de}, {@code DEU}) or the country's English name
	 * ({@code Germany}), all from the JDK's locale data; empty when it is none of them.
	 */
	public static Optional<String> code(String country) {
		if (country == null || country.isBlank()) {
			return Optional.empty();
		}
		var text = country.strip();
		var upper = text.toUpperCase(Locale.ROOT);
		if (CODES.contains(upper)) {
			return Optional.of(upper);
		}
		for (var code : CODES) {
			var locale = new Locale.Builder().setRegion(code).build();
			if (locale.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(text)
					|| locale.getISO3Country().equals(upper)) {
				return Optional.of(code);
			}
		}
		return Optional.empty();
	}

}
