package com.trellis.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.deals.CreditType;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The partner roles of the source, each with its suggested credit type and the one the
 * import uses: the admin's choice ({@code credit.<role>=CO_SELL}) when there is one.
 */
final class PartnerCredits {

	static final String NONE = "(no role)";

	private final Map<String, Line> lines = new LinkedHashMap<>();

	private static final class Line {

		final String role;

		int rows;

		CreditSuggestion.Suggestion suggestion;

		CreditType mapped;

		Line(String role) {
			this.role = role;
		}

	}

	void use(String role) {
		use(role, 1);
	}

	/** Counts {@code rows} partner rows with a role (as the first of them writes it). */
	void use(String role, int rows) {
		var shown = role == null ? NONE : role.strip();
		this.lines.computeIfAbsent(key(shown), k -> new Line(shown)).rows += rows;
	}

	void decide(ImportMapping mapping, List<FieldError> errors) {
		for (var line : this.lines.values()) {
			line.suggestion = CreditSuggestion.suggest(NONE.equals(line.role) ? null : line.role);
			line.mapped = line.suggestion.type();
			var chosen = mapping.credits().get(line.role);
			if (chosen != null) {
				try {
					line.mapped = CreditType.valueOf(chosen.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldError("credit." + line.role, "'" + com.trellis.shared.Quoted.of(chosen)
							+ "' is not a credit type; one of " + Arrays.toString(CreditType.values())));
				}
			}
		}
		for (var chosen : mapping.credits().keySet()) {
			if (!this.lines.containsKey(key(chosen))) {
				errors.add(new FieldError("credit." + chosen, "no partner row of the export has this role"));
			}
		}
	}

	CreditType of(String role) {
		return this.lines.get(key(role == null ? NONE : role.strip())).mapped;
	}

	List<ImportReport.CreditLine> report() {
		return this.lines.values()
			.stream()
			.map(l -> new ImportReport.CreditLine(l.role, l.rows, l.suggestion.type().name(), l.suggestion.reason(),
					l.mapped.name()))
			.toList();
	}

	private static String key(String role) {
		return role.toLowerCase(Locale.ROOT);
	}

}
