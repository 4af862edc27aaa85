package com.trellis.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a list as CSV (RFC 4180 quoting), fetching it page by page so that a long list
 * never sits in memory at once.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static <T> void write(HttpServletResponse response, String fileName, List<String> header,
			IntFunction<PageResult<T>> pages, Function<T, List<?>> row) throws IOException {
		PrintWriter out = start(response, fileName);
		out.print(line(header));
		int page = 0;
		PageResult<T> result;
		do {
			result = pages.apply(page++);
			for (T item : result.items()) {
				out.print(line(row.apply(item)));
			}
		}
		while (result.hasNext());
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

	private static PrintWriter start(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		return response.getWriter();
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
		var text = value.toString();
		if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
