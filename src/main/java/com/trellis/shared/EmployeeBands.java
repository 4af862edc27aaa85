package com.trellis.shared;

import java.util.Comparator;
import java.util.List;

/**
 * A customer's size as its employee band, smallest first. Wherever bands are listed they
 * read by size ({@code 51-200, 201-1000, 1001-5000}), never as text.
 */
public final class EmployeeBands {

	/** Every band an account can have, smallest first. */
	public static final List<String> ALL = List.of("1-50", "51-200", "201-1000", "1001-5000", "5000+");

	/** By size; anything that is no band (such as "unknown") after the bands, as text. */
	public static final Comparator<String> BY_SIZE = Comparator.comparingInt(EmployeeBands::rank)
		.thenComparing(Comparator.naturalOrder());

	private EmployeeBands() {
	}

	private static int rank(String band) {
		int at = ALL.indexOf(band == null ? null : band.strip());
		return at < 0 ? ALL.size() : at;
	}

}
