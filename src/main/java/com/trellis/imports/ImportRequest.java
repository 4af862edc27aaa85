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
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ImportMapping(stages, owners, create.equals("true"), parameters.get("currency"), credits,
				partnerPam);
	}

}
