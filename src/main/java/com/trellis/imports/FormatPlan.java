package com.trellis.imports;

import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.ConflictException;
import com.trellis.shared.CsvImport;
import com.trellis.shared.DatabaseRefusal;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The planned writes of one Trellis-format file, row by row, and its bad rows. Nothing is
 * written while planning; {@link #write()} runs the writes of a file without errors.
 */
final class FormatPlan {

	private final List<Write> writes = new ArrayList<>();

	final List<FieldError> errors = new ArrayList<>();

	/**
	 * What the file asks for that the import does not do, row by row (not errors: the row
	 * imports, the rest is kept and said so).
	 */
	final List<FieldError> notices = new ArrayList<>();

	int rows;

	/** The row being planned, whose writes name it when the database refuses one. */
	private CsvImport.Row current;

	int created;

	int updated;

	int unchanged;

	/** Starts planning the file's next row. */
	void next(CsvImport.Row row) {
		this.rows++;
		this.current = row;
	}

	void create(Runnable write) {
		this.created++;
		this.writes.add(new Write(this.current, write));
	}

	void update(Runnable write) {
		this.updated++;
		this.writes.add(new Write(this.current, write));
	}

	void unchanged() {
		this.unchanged++;
	}

	/**
	 * Runs the planned writes in file order. A write the database or the record's state
	 * refuses all the same (a unique key, a record changed by someone else between the
	 * check and the write) is the import error of the row it was planned from, 400 naming
	 * it, never an unnamed 409: the run's transaction rolls back, nothing is imported.
	 */
	void write() {
		for (var write : this.writes) {
			try {
				write.run.run();
			}
			catch (ConflictException ex) {
				throw refused(write.row, ex.field(), ex.reason());
			}
			catch (InvalidInputException ex) {
				// a rule of the owning module asked again at the write: named by the row
				throw new InvalidInputException(ex.errors()
					.stream()
					.map(e -> write.row == null ? e : new FieldError(write.row.label() + e.field(), e.message()))
					.toList());
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				throw refused(write.row, null, DatabaseRefusal.of(ex).reason());
			}
		}
	}

	private static InvalidInputException refused(CsvImport.Row row, String field, String reason) {
		var where = row == null ? "file" : row.label().replaceFirst(": $", "");
		var why = reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
		return new InvalidInputException(List.of(new FieldError(field == null ? where : where + ": " + field,
				"could not be written: " + why + "; nothing was imported (the records may have changed since the "
						+ "check: check the file again)")));
	}

	/** A planned write and the row it was planned from. */
	private record Write(CsvImport.Row row, Runnable run) {
	}

	FormatReport report(String format, boolean dryRun, int maxErrors) {
		var notices = new ArrayList<>(this.notices);
		if (this.errors.isEmpty() && this.created == 0 && this.updated == 0) {
			// said, as the CRM import says it (try72: a header-only file's run answered
			// nothing at all)
			var written = dryRun ? "nothing would be written" : "nothing was written";
			notices.add(0, new FieldError("file", this.rows == 0 ? "holds no rows under its header; " + written
					: "every row is as it is in Trellis already; " + written));
		}
		return new FormatReport(format, dryRun, this.rows, this.created, this.updated, this.unchanged,
				this.errors.size(), List.copyOf(this.errors.subList(0, Math.min(maxErrors, this.errors.size()))),
				notices.size(), List.copyOf(notices.subList(0, Math.min(maxErrors, notices.size()))));
	}

}
