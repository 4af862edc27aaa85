package com.trellis.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.CountryRule;
import com.trellis.shared.validation.TextRule;

/**
 * The program's ideal customer profile: the industries, company sizes (employee bands)
 * and countries the program targets, set by an admin on the ICP page or API and stored
 * ({@link ProgramIcp}). An empty dimension targets everyone; with all three empty the
 * program has no ICP and no deal is called a mismatch.
 */
record Icp(Set<String> industries, Set<String> employeeBands, Set<String> countries) {

	/** The employee bands an account can have. */
	static final List<String> BANDS = com.trellis.shared.EmployeeBands.ALL;

	/** No ICP: no deal is a mismatch. */
	static final Icp NONE = new Icp(Set.of(), Set.of(), Set.of());

	/** The most values of one dimension. */
	static final int MOST_VALUES = 20;

	/** The longest industry, as long as an account's industry may be. */
	static final int INDUSTRY_LENGTH = 60;

	/**
	 * The ICP from the given lists.
	 * @throws InvalidInputException naming each bad value ({@code industries[2]}) as
	 * {@link #problems} finds them
	 */
	static Icp of(List<String> industries, List<String> employeeBands, List<String> countries) {
		var problems = problems(industries, employeeBands, countries);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var bands = new TreeSet<String>(com.trellis.shared.EmployeeBands.BY_SIZE);
		bands.addAll(clean(employeeBands, false));
		return new Icp(clean(industries, false), bands, clean(countries, true));
	}

	/**
	 * What is wrong with the lists, each problem naming its value by list and position: a
	 * blank, over-long or control-character industry, a band no account can have (so a
	 * typo does not silently call every deal a mismatch), a country that is no ISO 3166-1
	 * alpha-2 code, more than {@link #MOST_VALUES} values in a list. Empty when they make
	 * an ICP; null lists are empty.
	 */
	static List<FieldError> problems(List<String> industries, List<String> employeeBands, List<String> countries) {
		var problems = new ArrayList<FieldError>();
		check(problems, "industries", industries,
				value -> TextRule.problem(value, INDUSTRY_LENGTH, false).orElse(null));
		check(problems, "employeeBands", employeeBands,
				value -> BANDS.contains(value.strip()) ? null : "must be one of " + String.join(", ", BANDS));
		check(problems, "countries", countries,
				value -> CountryRule.problem(value.strip().toUpperCase(Locale.ROOT)).orElse(null));
		return problems;
	}

	boolean defined() {
		return !this.industries.isEmpty() || !this.employeeBands.isEmpty() || !this.countries.isEmpty();
	}

	private static void check(List<FieldError> problems, String list, List<String> values,
			java.util.function.Function<String, String> rule) {
		if (values == null) {
			return;
		}
		if (values.size() > MOST_VALUES) {
			problems.add(new FieldError(list,
					"must hold at most " + MOST_VALUES + " values (it has " + values.size() + ")"));
			return;
		}
		for (int i = 0; i < values.size(); i++) {
			var value = values.get(i);
			var problem = (value == null || value.isBlank()) ? "must not be blank" : rule.apply(value);
			if (problem != null) {
				problems.add(new FieldError(list + "[" + i + "]", problem));
			}
		}
	}

	private static Set<String> clean(List<String> values, boolean upper) {
		var result = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
		if (values != null) {
			values.stream().map(String::strip).map(v -> upper ? v.toUpperCase(Locale.ROOT) : v).forEach(result::add);
		}
		return result;
	}

}
