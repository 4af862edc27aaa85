package com.trellis.imports;

import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What an import of a Trellis format did (or, in a dry run, would do): how many rows it
 * read, how many records it creates, updates and leaves unchanged, and every bad row
 * ({@code row N: column}, with the value and why). A real run with any error writes
 * nothing and answers 400 with the same errors. Notices name rows that import but ask for
 * something the import does not do (a contact's {@code state}: the import never changes
 * who can sign in), with what was kept.
 */
public record FormatReport(String format, boolean dryRun, int rows, int created, int updated, int unchanged,
		int errorCount, List<FieldError> errors, int noticeCount, List<FieldError> notices) {

	/** True when the file imports as it is. */
	public boolean clean() {
		return this.errorCount == 0;
	}

}
