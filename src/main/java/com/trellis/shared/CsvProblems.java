package com.trellis.shared;

import java.util.regex.Pattern;

/**
 * Plain words for what the CSV parser (Apache Commons CSV) refuses, instead of its own
 * text: a quoted value never closed, text after a closing quote, a header naming a column
 * twice (the field {@code header}). Each other names the row as a spreadsheet numbers it
 * (the header is row 1) when the parser says where, as the field {@code file, row N},
 * else the field {@code file}.
 */
final class CsvProblems {

	private static final Pattern START_LINE = Pattern.compile("\\((?:start)?line:? ?([\\d,]+)\\)");

	private static final Pattern AT_LINE = Pattern.compile("at line:? ?([\\d,]+)");

	private static final Pattern DUPLICATE = Pattern.compile("duplicate name: \"([^\"]*)\"");

	private CsvProblems() {
	}

	/** The refusal of a file the parser could not read ({@code ex} its exception). */
	static InvalidInputException unreadable(Exception ex) {
		var text = String.valueOf(ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage());
		if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
			text = ex.getMessage();
		}
		var duplicate = DUPLICATE.matcher(text);
		if (duplicate.find()) {
			return InvalidInputException.of("header", "the header names `" + Quoted.of(duplicate.group(1).strip())
					+ "` twice; give each column one name");
		}
		String what;
		if (text.contains("EOF reached before encapsulated token finished")) {
			what = "a quoted value is never closed (a \" opens it with no \" to end it)";
		}
		else if (text.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
			what = "a quoted value is followed by other text before the next separator";
		}
		else {
			what = null;
		}
		var line = START_LINE.matcher(text);
		var at = AT_LINE.matcher(text);
		String row = line.find() ? line.group(1) : at.find() ? at.group(1) : null;
		if (what == null) {
			return InvalidInputException.of(row == null ? "file" : "file, row " + row.replace(",", ""),
					"not readable as CSV; save it again as CSV (comma or semicolon separated, UTF-8)");
		}
		return InvalidInputException.of(row == null ? "file" : "file, row " + row.replace(",", ""), what);
	}

}
