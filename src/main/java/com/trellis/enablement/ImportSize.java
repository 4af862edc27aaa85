package com.trellis.enablement;

import com.trellis.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How large a completions import may be ({@code trellis.imports.max-rows},
 * {@code trellis.imports.max-characters}): a larger file is refused before any row is
 * read, naming the file, instead of holding the request for minutes.
 */
@Component
class ImportSize {

	private final int maxRows;

	private final int maxCharacters;

	ImportSize(@Value("${trellis.imports.max-rows:5000}") int maxRows,
			@Value("${trellis.imports.max-characters:1000000}") int maxCharacters) {
		this.maxRows = maxRows;
		this.maxCharacters = maxCharacters;
	}

	void check(String field, String csv) {
		if (csv == null) {
			return;
		}
		if (csv.length() > this.maxCharacters) {
			throw InvalidInputException.of(field, "is too large: at most " + this.maxCharacters
					+ " characters per import (it has " + csv.length() + "); split the file");
		}
		long rows = csv.lines().skip(1).filter(line -> !line.isBlank()).count();
		if (rows > this.maxRows) {
			throw InvalidInputException.of(field,
					"has too many rows: at most " + this.maxRows + " per import (it has " + rows + "); split the file");
		}
	}

}
