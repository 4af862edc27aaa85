package com.trellis.imports;

import com.trellis.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How large a file of a Trellis format may be ({@code trellis.imports.max-rows},
 * {@code trellis.imports.max-characters}): such a file is read and planned in memory, so
 * a larger one is refused before any row is read, naming the file, instead of holding the
 * request and the heap for minutes. (The Salesforce and HubSpot imports stream their
 * files through staging tables and have no such limit.)
 */
@Component
class ImportSize {

	private final int maxRows;

	private final int maxCharacters;

	ImportSize(@Value("${trellis.imports.max-rows:50000}") int maxRows,
			@Value("${trellis.imports.max-characters:20000000}") int maxCharacters) {
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
		long rows = records(csv);
		if (rows > this.maxRows) {
			throw InvalidInputException.of(field,
					"has too many rows: at most " + this.maxRows + " per import (it has " + rows + "); split the file");
		}
	}

	/**
	 * The rows below the header, as CSV counts them: a line break inside quotes is part
	 * of its value, not a row (s55: 30,000 rows with one such break each were refused as
	 * 60,000); blank lines are no rows.
	 */
	static long records(String csv) {
		long records = 0;
		boolean quoted = false;
		boolean content = false;
		boolean header = true;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				content = true;
			}
			else if ((c == '\n' || c == '\r') && !quoted) {
				if (content && !header) {
					records++;
				}
				header &= !content;
				content = false;
			}
			else if (!Character.isWhitespace(c)) {
				content = true;
			}
		}
		return content && !header ? records + 1 : records;
	}

}
