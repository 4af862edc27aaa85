package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.PlainDecimals;
import com.trellis.shared.validation.ValueLimits;

/**
 * The bounds of a program's parameters by kind, so that no program can be defined whose
 * earnings would not fit a money column: percentages from 0 to 100 with at most two
 * decimals, amounts (bonus, thresholds, fund values) within the configured maximum and
 * the program currency's decimals, counts and days within their ranges, tiers in
 * ascending order of threshold and no parameter the kind does not know. Each problem
 * names its parameter ({@code params.bonus}, {@code params.tiers[1].value}).
 */
final class ProgramParamsRule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Percentages keep two decimals, whatever the currency. */
	private static final int PERCENT_DECIMALS = 2;

	private final ValueLimits limits;

	private final String currency;

	private final List<FieldError> errors = new ArrayList<>();

	private ProgramParamsRule(ValueLimits limits, String currency) {
		this.limits = limits;
		this.currency = currency;
	}

	static List<FieldError> problems(ProgramKind kind, String currency, Map<String, Object> params,
			ValueLimits limits) {
		var rule = new ProgramParamsRule(limits, currency);
		if (kind == null || params == null) {
			return List.of();
		}
		switch (kind) {
			case FAST_START_SPIFF -> {
				rule.known(params, Set.of("bonus", "firstDeals", "withinDays"), "params.");
				rule.amount(params, "bonus", "params.", true);
				rule.whole(params, "firstDeals", 1, 3);
				rule.whole(params, "withinDays", 1, 365);
			}
			case REFERRAL -> {
				rule.known(params, Set.of("sourcedPercent", "influencedPercent", "coSellPercent"), "params.");
				for (var name : List.of("sourcedPercent", "influencedPercent", "coSellPercent")) {
					rule.percent(params, name, "params.");
				}
			}
			case QUARTERLY_REBATE, MDF -> rule.tiers(params, kind == ProgramKind.MDF);
		}
		return List.copyOf(rule.errors);
	}

	/** The most tiers a rebate or MDF program has. */
	static final int MAX_TIERS = 50;

	private void tiers(Map<String, Object> params, boolean fundAmounts) {
		known(params, Set.of("tiers"), "params.");
		if (!(params.get("tiers") instanceof List<?> tiers)) {
			return; // missing or not a list: ProgramParams names it
		}
		if (tiers.size() > MAX_TIERS) {
			// s59: 5,000 tiers were taken, each read on every quarter's close
			this.errors
				.add(new FieldError("params.tiers", "must have at most " + MAX_TIERS + " tiers, not " + tiers.size()));
			return;
		}
		BigDecimal previous = null;
		for (int i = 0; i < tiers.size(); i++) {
			if (!(tiers.get(i) instanceof Map<?, ?> raw)) {
				continue;
			}
			@SuppressWarnings("unchecked")
			var tier = (Map<String, Object>) raw;
			var prefix = "params.tiers[" + i + "].";
			known(tier, Set.of("threshold", "value"), prefix);
			var threshold = amount(tier, "threshold", prefix, false);
			if (fundAmounts) {
				amount(tier, "value", prefix, false);
			}
			else {
				percent(tier, "value", prefix);
			}
			if (threshold != null && previous != null && threshold.compareTo(previous) <= 0) {
				this.errors.add(new FieldError(prefix + "threshold",
						"must be more than the threshold of the tier before it (" + previous.toPlainString() + ")"));
			}
			previous = threshold == null ? previous : threshold;
		}
	}

	private void known(Map<String, ?> params, Set<String> names, String prefix) {
		params.keySet()
			.stream()
			.filter(name -> !names.contains(name))
			.sorted()
			.forEach(name -> this.errors.add(new FieldError(prefix + name, "is not a parameter of this kind; known are "
					+ String.join(", ", names.stream().sorted().toList()))));
	}

	private BigDecimal amount(Map<String, Object> params, String name, String prefix, boolean positive) {
		var value = written(params, name, prefix);
		if (value == null) {
			return null;
		}
		var problem = this.limits.amountProblem(value, positive, this.currency);
		problem.ifPresent(message -> this.errors.add(new FieldError(prefix + name, message)));
		return problem.isEmpty() ? value : null;
	}

	private void percent(Map<String, Object> params, String name, String prefix) {
		var value = written(params, name, prefix);
		if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0
				|| value.stripTrailingZeros().scale() > PERCENT_DECIMALS)) {
			this.errors.add(new FieldError(prefix + name,
					"must be a percentage from 0 to 100 with at most " + PERCENT_DECIMALS + " decimals"));
		}
	}

	private void whole(Map<String, Object> params, String name, int min, int max) {
		var value = written(params, name, "params.");
		if (value != null && (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
				|| value.compareTo(BigDecimal.valueOf(max)) > 0)) {
			this.errors.add(new FieldError("params." + name, "must be a whole number from " + min + " to " + max));
		}
	}

	/**
	 * The number, or null when it is missing or not a number (ProgramParams names those)
	 * or written with an exponent ({@code 1e3} typed into the form or sent in a body,
	 * {@link ProgramParamsJson}), which is refused as every amount field refuses it.
	 */
	private BigDecimal written(Map<String, Object> params, String name, String prefix) {
		var value = params.get(name);
		if (value instanceof ProgramParamsJson.Exponent
				|| value instanceof String text && PlainDecimals.hasExponent(text) && number(params, name) != null) {
			this.errors.add(new FieldError(prefix + name, PlainDecimals.EXPONENT_TEXT));
			return null;
		}
		return number(params, name);
	}

	/**
	 * The number, or null when it is missing or not a number (ProgramParams names those).
	 */
	private static BigDecimal number(Map<String, Object> params, String name) {
		var value = params.get(name);
		if (!(value instanceof Number) && !(value instanceof String)) {
			return null;
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The parameters of a JSON body given a number as text ({@code "bonus": "5000"}),
	 * refused as every API body refuses a number in quotes ({@code ExactJsonTypes}); the
	 * program form and Java callers hand numbers over as they read them.
	 */
	static List<FieldError> quotedNumbers(Map<String, Object> params) {
		var quoted = new ArrayList<FieldError>();
		if (params == null) {
			return quoted;
		}
		params.forEach((name, value) -> {
			if (value instanceof List<?> tiers) {
				for (int i = 0; i < tiers.size(); i++) {
					if (tiers.get(i) instanceof Map<?, ?> tier) {
						var prefix = "params." + name + "[" + i + "].";
						tier.forEach((part, v) -> quoted(prefix + part, v, quoted));
					}
				}
			}
			else {
				quoted("params." + name, value, quoted);
			}
		});
		return quoted;
	}

	private static void quoted(String field, Object value, List<FieldError> quoted) {
		if (value instanceof String text && number(Map.of(field, text), field) != null) {
			// a count (first deals, days) is told a whole number
			var example = field.endsWith(".firstDeals") || field.endsWith(".withinDays") ? "2" : "1234.56";
			quoted.add(new FieldError(field, "must be a number such as " + example + ", not in quotes"));
		}
	}

}
