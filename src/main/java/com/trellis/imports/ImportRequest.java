package com.trellis.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads the mapping step's choices as parameters {@code stage.<source stage>=QUALIFIED},
 * {@code owner.<e-mail>=<user id>}, {@code createUnknownOwners=true} and
 * {@code currency=EUR}, {@code credit.<partner role>=SOURCED} and
 * {@code partnerPam=<user id>}.
 */
final class ImportRequest {

	private ImportRequest() {
	}

	/** The mapping's parameters by name; those by prefix are {@link #PREFIXES}. */
	private static final java.util.Set<String> NAMES = java.util.Set.of("dryRun", "currency", "createUnknownOwners",
			"partnerPam");

	private static final java.util.List<String> PREFIXES = java.util.List.of("stage.", "owner.", "credit.");

	/**
	 * Refuses every parameter an import through the API does not read, naming each with
	 * what it takes (try11: {@code Currency=JPY} or {@code dryrun=false} was ignored, the
	 * deals imported in USD or the run only checked). The export's file parts
	 * ({@code files}) are read by name elsewhere.
	 */
	static void requireKnown(Map<String, String> parameters, java.util.Collection<String> files) {
		var errors = new ArrayList<FieldError>();
		parameters.keySet()
			.stream()
			.filter(name -> !NAMES.contains(name) && !files.contains(name)
					&& PREFIXES.stream()
						.noneMatch(prefix -> name.startsWith(prefix) && name.length() > prefix.length()))
			.sorted()
			.forEach(name -> errors.add(new FieldError(name,
					"is not a parameter of this import; it takes " + String.join(", ", new java.util.TreeSet<>(NAMES))
							+ ", stage.<stage>, owner.<e-mail> and " + "credit.<partner role>, with the export's files "
							+ String.join(", ", files))));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	static ImportMapping mapping(Map<String, String> parameters) {
		var stages = new HashMap<String, String>();
		var owners = new HashMap<String, Long>();
		var credits = new HashMap<String, String>();
		var errors = new ArrayList<FieldError>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("stage.") && value != null && !value.isBlank()) {
				stages.put(name.substring("stage.".length()), value);
			}
			else if (name.startsWith("credit.") && value != null && !value.isBlank()) {
				credits.put(name.substring("credit.".length()), value);
			}
			else if (name.startsWith("owner.") && value != null && !value.isBlank()) {
				try {
					owners.put(name.substring("owner.".length()), Long.valueOf(value.strip()));
				}
				catch (NumberFormatException ex) {
					errors.add(new FieldError(name, "must be a user id"));
				}
			}
		});
		var create = parameters.getOrDefault("createUnknownOwners", "false");
		if (!create.equals("true") && !create.equals("false")) {
			errors.add(new FieldError("createUnknownOwners", "must be true or false"));
		}
		Long partnerPam = null;
		var pam = parameters.get("partnerPam");
		if (pam != null && !pam.isBlank()) {
			try {
				partnerPam = Long.valueOf(pam.strip());
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("partnerPam", "must be a user id"));
			}
		}
		// the currency of deals without one is named itself when it is none (try11: a
		// deal's
		// CurrencyIsoCode column was named, in a file that had no such column)
		var currency = parameters.get("currency") == null || parameters.get("currency").isBlank() ? null
				: com.trellis.shared.validation.CurrencyRule.normalized(parameters.get("currency"));
		com.trellis.shared.validation.CurrencyRule.problem(currency)
			.ifPresent(problem -> errors.add(new FieldError("currency", problem)));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ImportMapping(stages, owners, create.equals("true"), currency, credits, partnerPam);
	}

}
