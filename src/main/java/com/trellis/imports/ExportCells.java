package com.trellis.imports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

import com.trellis.shared.CsvImport;
import com.trellis.shared.CsvStream;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/** Reads one file's cells, adding an error for each that cannot be read. */
final class ExportCells {

	/** The longest id, e-mail or other one-line value. */
	static final int LINE = 254;

	/** The longest account or deal name (as the API's). */
	static final int NAME = 200;

	/** The longest industry (as the API's). */
	static final int INDUSTRY = 60;

	/** The longest user name (as the API's). */
	static final int USER_NAME = 120;

	private final String name;

	private final List<FieldError> errors;

	/** Each id seen, with the row that first had it. */
	private final java.util.HashMap<String, Long> ids = new java.util.HashMap<>();

	/** Whether repeated ids are found here (else by the staging's SQL). */
	private boolean trackIds = true;

	private ImportProgress progress = ImportProgress.NONE;

	private java.util.function.UnaryOperator<String> written = column -> column;

	private java.util.function.Consumer<String> warnings = warning -> {
	};

	ExportCells(String name, List<FieldError> errors) {
		this.name = name;
		this.errors = errors;
	}

	/**
	 * Hands each row of the file to {@code each}, streaming; a file that cannot be read
	 * adds its error (named with the file) and no more rows.
	 */
	void rows(ImportFile file, List<String> required, java.util.function.Consumer<CsvImport.Row> each) {
		if (file == null) {
			return;
		}
		try (var in = CsvStream.open(file.open(), required)) {
			this.written = in::written;
			in.forEach(row -> {
				this.progress.read();
				complete(row);
				each.accept(row);
			});
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach(e -> this.errors.add(new FieldError(this.name + " " + e.field(), e.message())));
		}
	}

	/** Where the warnings of folded line breaks go ({@link #prose}). */
	ExportCells warning(java.util.function.Consumer<String> sink) {
		this.warnings = sink;
		return this;
	}

	ExportCells telling(ImportProgress progress) {
		this.progress = progress;
		return this;
	}

	/**
	 * Reads a file's cells whose rows the caller read, naming columns as it writes them.
	 */
	ExportCells of(CsvImport file) {
		this.written = file::written;
		return this;
	}

	/**
	 * Reads a file's cells streamed by the caller, naming columns as it writes them;
	 * repeated ids are left to the caller (found over the staged rows with SQL), so no id
	 * is held here.
	 */
	ExportCells streaming(CsvStream file) {
		this.written = file::written;
		this.trackIds = false;
		return this;
	}

	/** The file's name as errors name it. */
	String name() {
		return this.name;
	}

	/** A column's name as the file writes it. */
	String written(String column) {
		return this.written.apply(column);
	}

	String where(CsvImport.Row row) {
		return this.name + " " + row.label();
	}

	String id(CsvImport.Row row) {
		return id(row, "Id");
	}

	String id(CsvImport.Row row, String column) {
		var id = required(row, column);
		var first = id != null && this.trackIds ? this.ids.putIfAbsent(id, row.number()) : null;
		if (first != null) {
			error(row, column, "duplicate id '" + id + "': row " + first + " of the file has it");
		}
		return id;
	}

	/** A value every row must have: one line ({@link SourceValues#line}). */
	String required(CsvImport.Row row, String column) {
		return required(row, column, LINE);
	}

	String required(CsvImport.Row row, String column, int max) {
		if (row.get(column).isBlank()) {
			error(row, column, "missing " + written(column));
			return null;
		}
		return text(row, column, max);
	}

	/** An optional value of one line, null when blank or refused. */
	String text(CsvImport.Row row, String column, int max) {
		var line = SourceValues.line(row.get(column), max);
		if (!line.ok()) {
			error(row, column, written(column) + " " + line.refusal());
		}
		return line.value();
	}

	/** A value of prose every row must have ({@link #prose}). */
	String requiredProse(CsvImport.Row row, String column, int max) {
		if (row.get(column).isBlank()) {
			error(row, column, "missing " + written(column));
			return null;
		}
		return prose(row, column, max);
	}

	/**
	 * An optional one-line value of prose (a name, an industry), null when blank or
	 * refused: a line break in it (a quoted multi-line cell) is folded to one space
	 * ({@link SourceValues#folded}) with a warning naming the row and column, since the
	 * name is still the source's; other text rules refuse as {@link #text} does.
	 */
	String prose(CsvImport.Row row, String column, int max) {
		var raw = row.get(column);
		var folded = SourceValues.folded(raw);
		var line = SourceValues.line(folded, max);
		if (!line.ok()) {
			error(row, column, written(column) + " " + line.refusal());
			return null;
		}
		if (!folded.equals(raw)) {
			this.warnings.accept(this.name + " " + row.label() + written(column) + ": line break folded to a space ('"
					+ line.value() + "')");
		}
		return line.value();
	}

	Instant requiredMoment(CsvImport.Row row, String column, ZoneId zone) {
		var text = row.get(column);
		if (text.isBlank()) {
			error(row, column, "missing " + written(column) + "; the import keeps the source's dates");
			return null;
		}
		return value(row, column, SourceValues.moment(text, zone));
	}

	<T> T value(CsvImport.Row row, String column, SourceValues.Parsed<T> parsed) {
		if (!parsed.ok()) {
			error(row, column, parsed.refusal());
		}
		return parsed.value();
	}

	/**
	 * Refuses a row whose number of values is not its header's
	 * ({@link CsvImport.Row#misfit}), named with the file: {@code Opportunity row 7:
	 * columns}; false then (its other cells' faults follow from the shape and are not
	 * reported again, see {@link CrmExport#rowErrors}).
	 */
	boolean complete(CsvImport.Row row) {
		var misfit = row.misfit();
		misfit.ifPresent(e -> this.errors.add(new FieldError(this.name + " " + e.field(), e.message())));
		return misfit.isEmpty();
	}

	void error(CsvImport.Row row, String column, String message) {
		this.errors.add(new FieldError(this.name + " " + row.label() + written(column), message));
	}

}
