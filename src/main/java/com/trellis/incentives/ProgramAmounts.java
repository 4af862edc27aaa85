package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.shared.MinorUnits;

/**
 * A program's amounts as the API gives every amount: at its currency's scale (a EUR
 * threshold {@code 1000.50}, a JPY bonus {@code 5000}). The amounts are a SPIFF's bonus,
 * the tiers' thresholds and an MDF tier's fund value; a rebate tier's value and the
 * referral rates are percentages and stay as written. Only trailing zeros are added: a
 * stored amount never has more decimals than its currency (they are refused when the
 * program is defined), so no value changes and earnings read the same numbers.
 */
final class ProgramAmounts {

	private ProgramAmounts() {
	}

	static Map<String, Object> atScale(ProgramKind kind, String currency, Map<String, Object> params) {
		if (kind == null || params == null) {
			return params;
		}
		var scaled = new LinkedHashMap<String, Object>(params);
		int decimals = MinorUnits.of(currency);
		switch (kind) {
			case FAST_START_SPIFF -> scaled.computeIfPresent("bonus", (name, value) -> scaled(value, decimals));
			case QUARTERLY_REBATE, MDF -> {
				if (params.get("tiers") instanceof java.util.List<?> tiers) {
					var list = new ArrayList<Object>();
					for (var tier : tiers) {
						if (tier instanceof Map<?, ?> values) {
							var copy = new LinkedHashMap<Object, Object>(values);
							copy.computeIfPresent("threshold", (name, value) -> scaled(value, decimals));
							if (kind == ProgramKind.MDF) {
								copy.computeIfPresent("value", (name, value) -> scaled(value, decimals));
							}
							list.add(copy);
						}
						else {
							list.add(tier);
						}
					}
					scaled.put("tiers", list);
				}
			}
			case REFERRAL -> {
			}
		}
		return scaled;
	}

	/** A number with trailing zeros up to the decimals; anything else as it is. */
	private static Object scaled(Object value, int decimals) {
		if (!(value instanceof Number number)) {
			return value;
		}
		try {
			var amount = new BigDecimal(number.toString());
			return amount.scale() >= decimals ? amount : amount.setScale(decimals);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
