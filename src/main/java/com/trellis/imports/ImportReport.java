package com.trellis.imports;

import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * What an import found and did: every bad row (at most {@link #MAX_ERRORS} listed, all
 * counted), the gaps it filled by a documented rule, what it creates, updates and leaves
 * unchanged, and the mapping of stages and owners it used.
 */
public record ImportReport(boolean dryRun, boolean written, int errorCount, List<FieldError> errors,
		List<String> warnings, Map<String, Counts> counts, List<StageLine> stages, List<OwnerLine> owners) {

	static final int MAX_ERRORS = 1_000;

	public record Counts(int create, int update, int unchanged) {
	}

	/**
	 * A source stage: how many rows use it, the suggestion and why, and the stage used.
	 */
	public record StageLine(String source, int rows, String suggested, String reason, String mapped) {
	}

	/** A source owner: how they are matched (MATCHED, MAPPED, CREATE or UNKNOWN). */
	public record OwnerLine(String email, String name, Boolean activeInSource, Long userId, String match) {
	}

}
