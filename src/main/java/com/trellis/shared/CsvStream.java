package com.trellis.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV file as {@link CsvImport} does (byte-order mark, comma or semicolon, quoted
 * values, columns by header name in any case and order), but row by row from a
 * {@link Reader}: the file is never held in memory, so an export of millions of rows
 * reads in constant memory. Errors name the header or the file as {@link CsvImport}'s.
 */
public final class CsvStream implements AutoCloseable {

	/** How far the header line is looked at to choose the delimiter. */
	private static final int HEADER_LOOKAHEAD = 1 << 20;

	private final CSVParser parser;

	private final List<String> header;

	private final Map<String, String> written;

	private CsvStream(CSVParser parser, List<String> header, Map<String, String> written) {
		this.parser = parser;
		this.header = header;
		this.written = written;
	}

	/**
	 * Opens {@code in}, refusing it when it is empty or a column of {@code required} is
	 * missing from its header.
	 */
	public static CsvStream open(Reader in, List<String> required) {
		var reader = new BufferedReader(in, 1 << 16);
		try {
			reader.mark(HEADER_LOOKAHEAD);
			var first = headerLine(reader);
			reader.reset();
			if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
				reader.skip(1);
				first = first.substring(1);
			}
			if (first.isBlank()) {
				throw InvalidInputException.of("header",
						"the file is empty, no header line; the first line must name the columns: "
								+ String.join(",", required));
			}
			var format = CSVFormat.DEFAULT.builder()
				.setDelimiter(CsvImport.delimiter(first.strip()))
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreHeaderCase(true)
				.setTrim(true)
				.setIgnoreEmptyLines(false)
				.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
				.setAllowMissingColumnNames(true)
				.get();
			var parser = CSVParser.parse(reader, format);
			var header = parser.getHeaderNames().stream().map(CsvStream::name).toList();
			var written = new LinkedHashMap<String, String>();
			parser.getHeaderNames().forEach(column -> written.putIfAbsent(name(column), column.strip()));
			var missing = required.stream().filter(c -> !header.contains(name(c))).toList();
			if (!missing.isEmpty()) {
				parser.close();
				throw InvalidInputException.of("header", "missing column " + String.join(", ", missing)
						+ "; the first line must name the columns: " + String.join(",", required));
			}
			return new CsvStream(parser, header, Map.copyOf(written));
		}
		catch (IllegalArgumentException | IOException | UncheckedIOException | IllegalStateException ex) {
			throw CsvProblems.unreadable(ex);
		}
	}

	/** The header's column names, lower case. */
	public List<String> header() {
		return this.header;
	}

	/** A column's name as the header writes it; the name given when it has none. */
	public String written(String column) {
		return this.written.getOrDefault(name(column), column);
	}

	/**
	 * Hands each data row to {@code action}, in file order (rows without any value
	 * skipped, as {@link CsvImport} does); a file that stops being readable CSV part way
	 * is refused naming the file.
	 */
	public void forEach(Consumer<CsvImport.Row> action) {
		try {
			for (var record : this.parser) {
				var row = CsvImport.row(record, this.header, 0);
				if (row != null) {
					action.accept(row);
				}
			}
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw CsvProblems.unreadable(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			// read to the end or refused already
		}
	}

	/** The first line, up to its line break outside quotes (at most the lookahead). */
	private static String headerLine(BufferedReader reader) throws IOException {
		var line = new StringBuilder();
		boolean quoted = false;
		int c;
		while (line.length() < HEADER_LOOKAHEAD - 1 && (c = reader.read()) != -1) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (!line.isEmpty() && !line.toString().isBlank()) {
					break;
				}
			}
			line.append((char) c);
		}
		return line.toString();
	}

	private static String name(String column) {
		return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
	}

}
