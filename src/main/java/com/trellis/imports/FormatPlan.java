package com.trellis.imports;

import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The planned writes of one Trellis-format file, row by row, and its bad rows. Nothing is
 * written while planning; {@link #write()} runs the writes of a file without errors.
 */
final class FormatPlan {

	private final List<Runnable> writes = new ArrayList<>();

	final List<FieldError> errors = new ArrayList<>();

	/**
	 * What the file asks for that the import does not do, row by row (not errors: the row
	 * imports, the rest is kept and said so).
	 */
	final List<FieldError> notices = new ArrayList<>();

	int rows;

	int created;

	int updated;

	int unchanged;

	void create(Runnable write) {
		this.created++;
		this.writes.add(write);
	}

	void update(Runnable write) {
		this.updated++;
		this.writes.add(write);
	}

	void unchanged() {
		this.unchanged++;
	}

	void write() {
		this.writes.forEach(Runnable::run);
	}

	FormatReport report(String format, boolean dryRun, int maxErrors) {
		return new FormatReport(format, dryRun, this.rows, this.created, this.updated, this.unchanged,
				this.errors.size(), List.copyOf(this.errors.subList(0, Math.min(maxErrors, this.errors.size()))),
				this.notices.size(), List.copyOf(this.notices.subList(0, Math.min(maxErrors, this.notices.size()))));
	}

}
