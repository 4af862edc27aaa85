package com.trellis.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Renders a row as one line of PostgreSQL's COPY text format.
 */
final class CopyText {

	private CopyText() {
	}

	static void appendLine(StringBuilder line, Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				line.append('\t');
			}
			appendValue(line, values[i]);
		}
		line.append('\n');
	}

	static String line(Object... values) {
		var line = new StringBuilder(128);
		appendLine(line, values);
		return line.toString();
	}

	private static void appendValue(StringBuilder line, Object value) {
		if (value == null) {
			line.append("\\N");
		}
		else if (value instanceof String text) {
			escape(line, text);
		}
		else if (value instanceof BigDecimal decimal) {
			line.append(decimal.toPlainString());
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Instant
				|| value instanceof LocalDate) {
			line.append(value);
		}
		else if (value instanceof List<?> list) {
			escape(line, arrayLiteral(list));
		}
		else {
			throw new IllegalArgumentException("Unsupported COPY value " + value.getClass());
		}
	}

	private static String arrayLiteral(List<?> values) {
		var array = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				array.append(',');
			}
			array.append('"').append(values.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return array.append('}').toString();
	}

	private static void escape(StringBuilder line, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\t' -> line.append("\\t");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				default -> line.append(c);
			}
		}
	}

}
