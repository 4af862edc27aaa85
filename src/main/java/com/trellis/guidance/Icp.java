package com.trellis.guidance;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The program's ideal customer profile: the industries, company sizes (employee bands)
 * and countries the program targets, set by the admin in the configuration
 * ({@code trellis.guidance.icp.*}). An empty dimension targets everyone; with all three
 * empty the program has no ICP and no deal is called a mismatch.
 */
record Icp(Set<String> industries, Set<String> employeeBands, Set<String> countries) {

	/** The employee bands an account can have. */
	static final List<String> BANDS = List.of("1-50", "51-200", "201-1000", "1001-5000", "5000+");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/**
	 * The ICP from the configured lists; a band or country that cannot be an account's is
	 * refused naming the setting, so a typo does not silently call every deal a mismatch.
	 */
	static Icp of(List<String> industries, List<String> employeeBands, List<String> countries) {
		var bands = clean(employeeBands, false);
		for (var band : bands) {
			if (!BANDS.contains(band)) {
				throw new IllegalArgumentException(
						"trellis.guidance.icp.employee-bands: '" + band + "' is none of " + BANDS);
			}
		}
		var codes = clean(countries, true);
		for (var code : codes) {
			if (!COUNTRY.matcher(code).matches()) {
				throw new IllegalArgumentException("trellis.guidance.icp.countries: '" + code
						+ "' is no ISO 3166-1 alpha-2 country code (such as US, DE)");
			}
		}
		return new Icp(clean(industries, false), bands, codes);
	}

	boolean defined() {
		return !this.industries.isEmpty() || !this.employeeBands.isEmpty() || !this.countries.isEmpty();
	}

	private static Set<String> clean(List<String> values, boolean upper) {
		var result = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
		if (values != null) {
			values.stream()
				.map(String::strip)
				.filter(v -> !v.isEmpty())
				.map(v -> upper ? v.toUpperCase(Locale.ROOT) : v)
				.forEach(result::add);
		}
		return result;
	}

}
