package com.trellis.imports;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What an import found and did: every bad row (at most {@link #MAX_ERRORS} listed, all
 * counted), the gaps it filled by a documented rule, what it creates, updates and leaves
 * unchanged, and the mapping of stages and owners it used.
 */
public record ImportReport(boolean dryRun, boolean written, int errorCount, List<FieldError> errors,
		List<String> warnings, Map<String, Counts> counts, List<StageLine> stages, List<OwnerLine> owners,
		List<CreditLine> credits) implements Serializable {

	static final int MAX_ERRORS = 1_000;

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^(\\S+) row (\\d+): ");

	/**
	 * File by file, row by row (errors without a row first), as the person fixing them
	 * reads.
	 */
	static final java.util.Comparator<FieldError> BY_ROW = java.util.Comparator
		.comparing((FieldError e) -> place(e.field()).file())
		.thenComparingLong(e -> place(e.field()).row());

	private record Place(String file, long row) {
	}

	private static Place place(String field) {
		var matcher = ROW.matcher(field);
		return matcher.find() ? new Place(matcher.group(1), Long.parseLong(matcher.group(2))) : new Place("", 0);
	}

	public record Counts(int create, int update, int unchanged) implements Serializable {
	}

	/**
	 * A source stage: how many rows use it, the suggestion and why, and the stage used.
	 */
	public record StageLine(String source, int rows, String suggested, String reason,
			String mapped) implements Serializable {
	}

	/**
	 * A partner role of the source: how many partner rows have it, the suggested credit
	 * type and why, and the credit type used.
	 */
	public record CreditLine(String role, int rows, String suggested, String reason,
			String mapped) implements Serializable {
	}

	/** A source owner: how they are matched (MATCHED, MAPPED, CREATE or UNKNOWN). */
	public record OwnerLine(String email, String name, Boolean activeInSource, Long userId,
			String match) implements Serializable {
	}

}
