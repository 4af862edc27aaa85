package com.trellis.cadence;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.shared.Percent;
import com.trellis.shared.MoneyFormat;
import com.trellis.shared.ReportingCurrency;

/**
 * Sums, shares and amounts as the packs show them.
 */
final class PackMath {

	/**
	 * What a deal's amount cell holds when the amount is unknown (V124): words, not the
	 * stored 0; a sum counts such a cell as nothing.
	 */
	static final String AMOUNT_UNKNOWN = "Amount unknown";

	private PackMath() {
	}

	static BigDecimal sum(List<List<Object>> rows, int column) {
		return rows.stream()
			.map(r -> r.get(column) instanceof BigDecimal amount ? amount : BigDecimal.ZERO)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The part in percent of the whole, to one decimal; null when the whole is zero. */
	static BigDecimal share(BigDecimal part, BigDecimal whole) {
		return Percent.of(part, whole);
	}

	/**
	 * An amount in the reporting currency as pages and PDFs show it: its minor unit with
	 * separators, the same value the CSV carries ({@code 38.13} is "38.13", never "38").
	 */
	static String money(BigDecimal amount) {
		return MoneyFormat.amount(amount, ReportingCurrency.CODE);
	}

	/** An amount in the reporting currency as files carry it: at its minor unit. */
	static Object money(Object value) {
		return value instanceof Number number ? ReportingCurrency.round(new BigDecimal(number.toString())) : value;
	}

}
