package com.trellis.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one writer of CSV files: every export goes through it. A file is UTF-8 with a
 * byte-order mark (so that Excel, which otherwise reads CSV in the computer's legacy code
 * page, shows "Göransson" and not "GÃ¶ransson"), comma-separated with RFC 4180 quoting
 * and CRLF line ends. Text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is neutralised with a leading apostrophe;
 * numbers, including negative ones, are written as they are. Lists are fetched page by
 * page, or streamed in one pass, so that a long list never sits in memory at once.
 * {@link CsvImport} reads what it writes.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static <T> void write(HttpServletResponse response, String fileName, List<String> header,
			IntFunction<PageResult<T>> pages, Function<T, List<?>> row) throws IOException {
		// the first page is read before the response starts, so that a filter the read
		// refuses is answered as the error it is (400 naming it), not inside a file
		int page = 0;
		PageResult<T> result = pages.apply(page++);
		PrintWriter out = start(response, fileName);
		out.print(line(header));
		while (true) {
			for (T item : result.items()) {
				out.print(line(row.apply(item)));
			}
			if (!result.hasNext()) {
				break;
			}
			result = pages.apply(page++);
		}
		out.flush();
	}

	/**
	 * Writes a list read in one pass: {@code source} hands each item to the consumer it
	 * is given, and each is written as it comes, so neither the list nor the file sits in
	 * memory and no page is read twice.
	 */
	public static <T> void stream(HttpServletResponse response, String fileName, List<String> header,
			Consumer<Consumer<T>> source, Function<T, List<?>> row) throws IOException {
		PrintWriter out = start(response, fileName);
		out.print(line(header));
		source.accept(item -> out.print(line(row.apply(item))));
		out.flush();
	}

	/** Writes rows that are already in memory (a short report, not a list). */
	public static void writeRows(HttpServletResponse response, String fileName, List<? extends List<?>> rows)
			throws IOException {
		PrintWriter out = start(response, fileName);
		for (var row : rows) {
			out.print(line(row));
		}
		out.flush();
	}

	/** The byte-order mark every file starts with. */
	static final char BOM = '\uFEFF';

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	private static PrintWriter start(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		var out = response.getWriter();
		out.print(BOM);
		return out;
	}

	static String line(List<?> values) {
		var line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(quote(values.get(i)));
		}
		return line.append("\r\n").toString();
	}

	private static String quote(Object value) {
		if (value == null) {
			return "";
		}
		var text = value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
		if (formula(value, text)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * Whether the guard prefixes the value with an apostrophe: text (not a number) that a
	 * spreadsheet would read as a formula, starting with = + - @, a tab or a carriage
	 * return; and text that starts with apostrophes before such a character, so that
	 * {@link #unguard} can tell the guard's apostrophe from the value's own.
	 */
	static boolean formula(Object value, String text) {
		if (text.isEmpty() || value instanceof Number || NUMBER.matcher(text).matches()) {
			return false;
		}
		return startsFormula(text);
	}

	/**
	 * Undoes the guard on a value read back from an exported file: one leading apostrophe
	 * is dropped when what follows starts (after any further apostrophes) with = + - @, a
	 * tab or a carriage return; any other value is returned as it is. Exactly the values
	 * the guard changed are changed back, so export and re-import is lossless.
	 */
	public static String unguard(String text) {
		if (text == null || text.length() < 2 || text.charAt(0) != '\'') {
			return text == null ? "" : text;
		}
		return startsFormula(text.substring(1)) ? text.substring(1) : text;
	}

	private static boolean startsFormula(String text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		return i < text.length() && "=+-@\t\r".indexOf(text.charAt(i)) >= 0;
	}

}
