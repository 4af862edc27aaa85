package com.trellis.shared;

/**
 * A count with its noun as a reader reads it in an explanation: "1 day", "3 days", "0
 * days", "1 win", "12 wins". Used wherever a figure is written into a sentence in code;
 * page messages use a choice format to the same effect ({@code {0,choice,0#{0} days|1#1
 * day|1<{0} days}}).
 */
public final class Plural {

	private Plural() {
	}

	/**
	 * The count and the noun, the noun's plural made by adding "s" unless the count is
	 * exactly one.
	 * @param count the count, any sign
	 * @param noun the singular noun, for example "day" or "business day"
	 */
	public static String of(long count, String noun) {
		return of(count, noun, noun + "s");
	}

	/** The count and the singular noun when it is exactly one, else the plural given. */
	public static String of(long count, String singular, String plural) {
		return count + " " + (count == 1 ? singular : plural);
	}

}
