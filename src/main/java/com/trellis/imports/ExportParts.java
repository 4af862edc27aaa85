package com.trellis.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.TextUpload;

import org.springframework.web.multipart.MultipartFile;

/**
 * The files of an export as the upload sent them (API parts or the page's file inputs),
 * checked before anything is read: a part whose name is no file of the export, a chosen
 * file with no bytes (no header line) and an upload with no file at all are refused, each
 * named, all in one answer. A file input left empty on the page (no file name, no bytes)
 * counts as not sent.
 */
final class ExportParts {

	private ExportParts() {
	}

	/**
	 * The files sent, by part name, in the export's order.
	 * @param names the export's files (Account, User, … or companies, deals)
	 * @param parts the multipart files of the request by part name
	 * @throws InvalidInputException (400) naming each unknown or empty part, or
	 * {@code files} when none was sent
	 */
	static Map<String, ImportFile> read(List<String> names, Map<String, MultipartFile> parts) {
		var errors = new ArrayList<FieldError>();
		parts.forEach((name, part) -> {
			if (!names.contains(name)) {
				errors.add(new FieldError(name, "unknown part '" + name + "'; expected " + String.join(", ", names)));
			}
			else if (TextUpload.chosen(part) && part.isEmpty()) {
				errors.add(new FieldError(name, TextUpload.EMPTY));
			}
		});
		var kept = new LinkedHashMap<String, ImportFile>();
		if (errors.isEmpty()) {
			for (var name : names) {
				var file = ImportFile.of(name, parts.get(name));
				if (file != null) {
					kept.put(name, file);
				}
			}
			if (kept.isEmpty()) {
				errors.add(new FieldError("files",
						"no file of the export was sent; send one or more of " + String.join(", ", names)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return kept;
	}

}
