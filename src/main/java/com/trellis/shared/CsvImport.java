package com.trellis.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads an uploaded CSV file the way spreadsheets write it, through Apache Commons CSV
 * (the one CSV parser of the application; see docs/decisions.md): a UTF-8 byte-order mark
 * is dropped, the delimiter is a comma or, when the header line has more of them, a
 * semicolon (Excel's in many European locales), headers and values may be quoted, and
 * columns are found by their header name, ignoring case, surrounding spaces and order.
 * Empty lines are skipped, and so are rows without any value (only separators or blanks).
 * Every error names the row as a spreadsheet numbers it (the header is row 1) or the
 * header, and nothing is returned when the file cannot be read.
 */
public final class CsvImport {

	/** The most unknown columns named one by one; the rest are counted. */
	private static final int UNKNOWN_NAMED = 10;

	private static final char BOM = '\uFEFF';

	private final List<String> header;

	private final Map<String, String> written;

	private final List<Row> rows;

	private CsvImport(List<String> header, Map<String, String> written, List<Row> rows) {
		this.header = header;
		this.written = written;
		this.rows = rows;
	}

	/**
	 * Reads {@code text}, refusing it when a column of {@code required} is missing from
	 * its header or it is not readable CSV.
	 */
	public static CsvImport read(String text, List<String> required) {
		return read(text, required, null, null);
	}

	/**
	 * Reads {@code text} as {@link #read(String, List)}, also refusing, before any row is
	 * read, each column of its header that is not one of {@code known} (a typo's values
	 * would be lost unseen): {@code header} — "unknown column web_domian; " then
	 * {@code columns} (such as "the partners format's columns are") and the known
	 * columns. A column without a name is left alone.
	 */
	public static CsvImport read(String text, List<String> required, List<String> known, String columns) {
		var content = text == null ? "" : text;
		if (!content.isEmpty() && content.charAt(0) == BOM) {
			content = content.substring(1);
		}
		if (content.isBlank()) {
			throw InvalidInputException.of("header",
					"the file is empty, no header line; the first line must name the columns: "
							+ String.join(",", required));
		}
		// blank lines before the header are rows of the spreadsheet too: the header is
		// read after them and the data rows numbered past them
		long above = 0;
		int start = 0;
		for (int end = content.indexOf('\n'); end >= 0
				&& content.substring(start, end).isBlank(); end = content.indexOf('\n', start)) {
			start = end + 1;
			above++;
		}
		content = content.substring(start);
		var format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter(content))
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setTrim(true)
			.setIgnoreEmptyLines(false)
			.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
			.setAllowMissingColumnNames(true)
			.get();
		try (var parser = CSVParser.parse(content, format)) {
			var header = parser.getHeaderNames().stream().map(CsvImport::name).toList();
			var written = new LinkedHashMap<String, String>();
			parser.getHeaderNames().forEach(column -> written.putIfAbsent(name(column), column.strip()));
			var missing = required.stream().filter(c -> !header.contains(name(c))).toList();
			var errors = new ArrayList<FieldError>();
			if (!missing.isEmpty()) {
				errors.add(new FieldError("header", "missing column " + String.join(", ", missing)
						+ "; the first line must name the columns: " + String.join(",", required)));
			}
			if (known != null) {
				var names = known.stream().map(CsvImport::name).toList();
				var unknown = written.entrySet()
					.stream()
					.filter(c -> !c.getKey().isEmpty() && !names.contains(c.getKey()))
					.map(c -> c.getValue())
					.toList();
				// each quoted as a value is, the first few named (try71a: a 2 MB header
				// line came back whole, twice)
				unknown.stream()
					.limit(UNKNOWN_NAMED)
					.forEach(as -> errors.add(new FieldError("header",
							"unknown column " + Quoted.of(as) + "; " + columns + " " + String.join(", ", known))));
				if (unknown.size() > UNKNOWN_NAMED) {
					errors.add(new FieldError("header", (unknown.size() - UNKNOWN_NAMED) + " more unknown columns"));
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			var rows = new ArrayList<Row>();
			for (var record : parser) {
				var row = row(record, header, above);
				if (row != null) {
					rows.add(row);
				}
			}
			return new CsvImport(header, Map.copyOf(written), List.copyOf(rows));
		}
		catch (IllegalArgumentException | IOException | UncheckedIOException | IllegalStateException ex) {
			throw CsvProblems.unreadable(ex);
		}
	}

	/**
	 * A data row of a file whose header names {@code header} after {@code above} blank
	 * lines, or null for a row without any value (a blank line, blanks, or only
	 * separators, as a spreadsheet writes an empty row): it is skipped, but counted, so
	 * that a row is numbered as a spreadsheet opening the file numbers it (the header row
	 * 1; try71a: the rows after a blank line were named one too low). The one place every
	 * CSV path ({@link #read}, {@link CsvStream}) builds its rows; both read empty lines
	 * as records for that.
	 */
	static Row row(CSVRecord record, List<String> header, long above) {
		boolean blank = true;
		for (int i = 0; i < record.size() && blank; i++) {
			blank = record.get(i).isBlank();
		}
		if (blank) {
			return null;
		}
		var values = new LinkedHashMap<String, String>();
		for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
			values.putIfAbsent(header.get(i), record.get(i));
		}
		return new Row(above + record.getRecordNumber() + 1, record.size(), header.size(), values);
	}

	/** The header's column names, lower case. */
	public List<String> header() {
		return this.header;
	}

	/**
	 * A column's name as the file's header writes it ({@code Close Date} for
	 * {@code close date}), for errors; the name given when the header has no such column.
	 */
	public String written(String column) {
		return this.written.getOrDefault(name(column), column);
	}

	/** The data rows, in file order. */
	public List<Row> rows() {
		return this.rows;
	}

	/**
	 * A comma unless the header line (outside quotes) holds more semicolons than commas.
	 */
	static char delimiter(String content) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

	private static String name(String column) {
		return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * One data row.
	 *
	 * @param number the row as a spreadsheet numbers it (the header is row 1)
	 * @param columns how many values the row has
	 * @param headerColumns how many columns its file's header names
	 * @param values the values by lower-case column name
	 */
	public record Row(long number, int columns, int headerColumns, Map<String, String> values) {

		/**
		 * The refusal of a row whose number of values is not the header's (a value too
		 * many would be dropped unseen, one too few leaves the last columns empty or
		 * shifts the values): {@code row N: columns}, "7 values where the header has 9
		 * columns"; empty when the row fits. The one check of every CSV path.
		 */
		public java.util.Optional<FieldError> misfit() {
			if (this.columns == this.headerColumns) {
				return java.util.Optional.empty();
			}
			return java.util.Optional
				.of(error("columns", this.columns + " values where the header has " + this.headerColumns + " columns"));
		}

		/** The value of a column (any case), empty when the row has none. */
		public String get(String column) {
			return this.values.getOrDefault(name(column), "");
		}

		/** An error about one column of this row, named as {@code row N: column}. */
		public FieldError error(String column, String message) {
			return new FieldError(label() + column, message);
		}

		/** {@code row N: } */
		public String label() {
			return "row " + this.number + ": ";
		}

	}

}
