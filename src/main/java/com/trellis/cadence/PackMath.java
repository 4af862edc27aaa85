package com.trellis.cadence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Sums, shares and amounts as the packs show them.
 */
final class PackMath {

	private PackMath() {
	}

	static BigDecimal sum(List<List<Object>> rows, int column) {
		return rows.stream().map(r -> (BigDecimal) r.get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The part in percent of the whole, to one decimal; null when the whole is zero. */
	static BigDecimal share(BigDecimal part, BigDecimal whole) {
		return whole == null || whole.signum() == 0 ? null
				: part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
	}

	static String money(BigDecimal amount) {
		return String.format(Locale.ROOT, "%,.0f", amount);
	}

}
