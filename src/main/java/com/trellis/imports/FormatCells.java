package com.trellis.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.trellis.shared.CsvExport;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.TextRule;

/**
 * Reads the cells of a Trellis-format row: the formula guard of {@link CsvExport} is
 * undone ({@link CsvExport#unguard}), so that an exported file imports unchanged, and
 * text is held to the single-line rule of every other input path. Errors name the row,
 * the column as the file's header writes it, the value and why.
 * <p>
 * Every fault of a row is reported in one round: a cell that cannot be read (a bad date,
 * number, id or choice) is refused, and the row's other cells are still held to the
 * rules. The cells keep which columns were refused ({@link #refused}), so a rule is asked
 * only when the values it reads were read ({@link #read}), and a rule's errors
 * ({@link #rule}) are not reported again on a cell refused already (a bad date is not
 * also "required"). The formats write a row only when it has no error at all.
 */
final class FormatCells {

	private final CsvImport file;

	private final CsvImport.Row row;

	private final List<FieldError> errors;

	/** The columns of this row refused so far, in lower case. */
	private final Set<String> refused = new HashSet<>();

	FormatCells(CsvImport file, CsvImport.Row row, List<FieldError> errors) {
		this.file = file;
		this.row = row;
		this.errors = errors;
	}

	/**
	 * Whether the file has the column at all (an absent optional column keeps the value).
	 */
	boolean has(String column) {
		return this.file.header().contains(column);
	}

	/** The cell, unguarded and stripped; empty when blank or absent. */
	String text(String column) {
		return CsvExport.unguard(this.row.get(column)).strip();
	}

	/**
	 * The cell as a single line of at most {@code max} characters, or null after an
	 * error.
	 */
	String line(String column, int max, boolean required) {
		var value = text(column);
		if (value.isEmpty()) {
			if (required) {
				error(column, value, "is required");
			}
			return value;
		}
		Optional<String> problem = TextRule.problem(value, max, false);
		if (problem.isPresent()) {
			error(column, value, problem.get());
			return null;
		}
		return value;
	}

	/** A whole number id, or null (after an error when the cell is not one). */
	Long id(String column) {
		var value = text(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			long id = Long.parseLong(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		error(column, value, "is not an id (a whole number above 0)");
		return null;
	}

	/** A day (yyyy-mm-dd), or null when blank or (after an error) not one. */
	LocalDate day(String column) {
		var value = text(column);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(column, value, SourceValues.noDay(value).isPresent() ? "names no day of the calendar"
					: "is not a date (yyyy-mm-dd)");
			return null;
		}
	}

	/**
	 * Reports a bad cell: {@code 'value' why}, the value once even when the reason (of a
	 * shared parser) quotes it too.
	 */
	void error(String column, String value, String why) {
		var shown = com.trellis.shared.Quoted.of(value);
		var quote = "'" + value + "'";
		// the cell's value is written once, first: a reason that quotes it too loses it
		var reason = value.isEmpty() ? why
				: why.startsWith(quote + " ") ? why.substring(quote.length() + 1) : why.replace(" " + quote, "");
		this.refused.add(column.toLowerCase(Locale.ROOT));
		this.errors.add(this.row.error(this.file.written(column), "'" + shown + "' " + reason));
	}

	/**
	 * Reports a row that filled none of a group of columns, on the group's first column:
	 * {@code empty: id or source_id is required} ({@code others}: "or source_id is
	 * required", and why), not {@code '' or source_id is required} (try43).
	 */
	void empty(String column, String others) {
		this.refused.add(column.toLowerCase(Locale.ROOT));
		this.errors.add(this.row.error(this.file.written(column), "empty: " + column + " " + others));
	}

	/**
	 * Whether the row's cell in the column was refused (unreadable or breaking a rule).
	 */
	boolean refused(String column) {
		return this.refused.contains(column.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether every one of the columns was read without error, so a rule that needs their
	 * values may be asked.
	 */
	boolean read(String... columns) {
		for (var column : columns) {
			if (refused(column)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reports a rule's errors (named by a command's fields) under the file's columns
	 * ({@code column} maps a field to its column), except on a cell refused already: the
	 * rule judged the value that cell could not give.
	 */
	void rule(List<FieldError> errors, Function<String, String> column) {
		for (var error : errors) {
			var name = column.apply(error.field().replaceAll("\\[.*", ""));
			if (!refused(name)) {
				error(name, text(name), error.message());
			}
		}
	}

	/** A remark on a cell that is not an error: {@code row N: column} and the message. */
	FieldError remark(String column, String message) {
		return this.row.error(this.file.written(column), message);
	}

	long number() {
		return this.row.number();
	}

	/**
	 * Whether the row has as many values as the header names columns; else its refusal
	 * ({@link CsvImport.Row#misfit}) is added and the row is read no further.
	 */
	boolean complete() {
		var misfit = this.row.misfit();
		misfit.ifPresent(this.errors::add);
		return misfit.isEmpty();
	}

}
