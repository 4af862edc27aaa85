package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads and checks a program's parameters for its kind, naming each bad one.
 */
final class ProgramParams {

	private ProgramParams() {
	}

	static FastStartSpiff.Params spiff(Program program) {
		var errors = new ArrayList<FieldError>();
		var bonus = decimal(program.params(), "bonus", errors);
		var first = integer(program.params(), "firstDeals", 1, 3, errors);
		var within = integer(program.params(), "withinDays", 1, 365, errors);
		fail(errors);
		return new FastStartSpiff.Params(bonus, program.currency(), first, within);
	}

	static ReferralBonus.Params referral(Program program) {
		var errors = new ArrayList<FieldError>();
		var sourced = decimal(program.params(), "sourcedPercent", errors);
		var influenced = decimal(program.params(), "influencedPercent", errors);
		var coSell = decimal(program.params(), "coSellPercent", errors);
		fail(errors);
		try {
			return new ReferralBonus.Params(sourced, influenced, coSell);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("params.sourcedPercent", ex.getMessage());
		}
	}

	static List<Tier> tiers(Program program) {
		var errors = new ArrayList<FieldError>();
		var raw = program.params().get("tiers");
		var tiers = new ArrayList<Tier>();
		if (!(raw instanceof List<?> list) || list.isEmpty()) {
			errors.add(new FieldError("params.tiers", "give at least one {threshold, value}"));
		}
		else {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) instanceof Map<?, ?> tier) {
					@SuppressWarnings("unchecked")
					var values = (Map<String, Object>) tier;
					var threshold = decimal(values, "threshold", errors, "params.tiers[" + i + "].");
					var value = decimal(values, "value", errors, "params.tiers[" + i + "].");
					if (threshold != null && value != null) {
						tiers.add(new Tier(threshold, value));
					}
				}
				else {
					errors.add(new FieldError("params.tiers[" + i + "]", "must be {threshold, value}"));
				}
			}
		}
		fail(errors);
		return tiers;
	}

	static void check(Program program) {
		switch (program.kind()) {
			case FAST_START_SPIFF -> spiff(program);
			case REFERRAL -> referral(program);
			case QUARTERLY_REBATE, MDF -> tiers(program);
		}
	}

	private static BigDecimal decimal(Map<String, Object> params, String name, List<FieldError> errors) {
		return decimal(params, name, errors, "params.");
	}

	private static BigDecimal decimal(Map<String, Object> params, String name, List<FieldError> errors, String prefix) {
		var value = params.get(name);
		if (value == null) {
			errors.add(new FieldError(prefix + name, "is required"));
			return null;
		}
		try {
			var number = new BigDecimal(String.valueOf(value));
			if (number.signum() < 0) {
				errors.add(new FieldError(prefix + name, "must not be negative"));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(prefix + name, "must be a number"));
			return null;
		}
	}

	private static int integer(Map<String, Object> params, String name, int min, int max, List<FieldError> errors) {
		var value = decimal(params, name, errors);
		if (value == null) {
			return min;
		}
		if (value.stripTrailingZeros().scale() > 0 || value.intValue() < min || value.intValue() > max) {
			errors.add(new FieldError("params." + name, "must be a whole number from " + min + " to " + max));
			return min;
		}
		return value.intValue();
	}

	private static void fail(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
