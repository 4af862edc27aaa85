package com.trellis.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one scale of percentages: carried at full precision while they are computed, and
 * answered, shown and exported at one decimal, rounded half up ({@code 45.375} is
 * {@code 45.4}, {@code 100} is {@code 100.0}), by the API, the pages, the CSV files, the
 * PDFs and the packs alike (see {@code docs/metrics.md}).
 */
public final class Percent {

	/** Decimals of every percentage answered, shown or exported. */
	public static final int SCALE = 1;

	/** The rounding mode of every percentage. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percent() {
	}

	/** A percentage (already multiplied by 100) at one decimal; null stays null. */
	public static BigDecimal round(BigDecimal percent) {
		return percent == null ? null : percent.setScale(SCALE, ROUNDING);
	}

	/** A number that holds a percentage, at one decimal; anything else as it is. */
	public static Object round(Object value) {
		return value instanceof Number number ? round(new BigDecimal(number.toString())) : value;
	}

	/**
	 * The part as a percentage of the whole, rounded once at one decimal; null when the
	 * whole is zero or either is missing (there is no share to show).
	 */
	public static BigDecimal of(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, SCALE, ROUNDING);
	}

	/** A share from 0 to 1 (a probability) as a percentage at one decimal. */
	public static BigDecimal ofFraction(BigDecimal fraction) {
		return fraction == null ? null : round(fraction.multiply(HUNDRED));
	}

	/** A percentage as people read it: {@code 45.4 %}; empty for none. */
	public static String text(BigDecimal percent) {
		return percent == null ? "" : round(percent).toPlainString() + " %";
	}

	/**
	 * A percentage as a reader in the locale reads it: grouped, one decimal with the
	 * locale's mark, a space and the sign ({@code 1,234.5 %}, {@code 1.234,5 %} in
	 * de-DE); empty for none.
	 */
	public static String text(BigDecimal percent, Locale locale) {
		return percent == null ? ""
				: FORMATS.get().computeIfAbsent(locale, Percent::format).format(round(percent)) + " %";
	}

	/**
	 * The format of {@link #text(BigDecimal, Locale)} per locale, made once per thread (a
	 * format is not safe to share between threads): making one per percentage, with its
	 * locale's symbols, took most of the adoption page's 1,200 percentages' time.
	 */
	private static final ThreadLocal<java.util.Map<Locale, DecimalFormat>> FORMATS = ThreadLocal
		.withInitial(java.util.HashMap::new);

	private static DecimalFormat format(Locale locale) {
		return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(locale));
	}

}
