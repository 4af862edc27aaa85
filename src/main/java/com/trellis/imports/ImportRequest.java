package com.trellis.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.web.multipart.MultipartFile;

/**
 * Reads what an import request (API or page form) sends: the files as UTF-8 text and the
 * mapping step's choices as parameters {@code stage.<source stage>=QUALIFIED},
 * {@code owner.<e-mail>=<user id>}, {@code createUnknownOwners=true} and
 * {@code currency=EUR}, {@code credit.<partner role>=SOURCED} and
 * {@code partnerPam=<user id>}.
 */
final class ImportRequest {

	private ImportRequest() {
	}

	static String text(String field, MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw InvalidInputException.of(field, "not UTF-8 text; save the export as UTF-8 CSV");
		}
		catch (IOException ex) {
			throw InvalidInputException.of(field, "the upload could not be read");
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
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ImportMapping(stages, owners, create.equals("true"), parameters.get("currency"), credits,
				partnerPam);
	}

}
