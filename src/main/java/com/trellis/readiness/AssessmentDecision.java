package com.trellis.readiness;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/**
 * The PAM accepts a submitted version, or returns it with a comment (required then).
 * {@code version}, when given, is the version the PAM read: a decision on another one is
 * refused (409), so a page left open while the partner submitted again never decides a
 * version nobody read (try71b). The page always sends it; the API may leave it out.
 */
public record AssessmentDecision(@NotNull Boolean accept, @PlainText(max = 2000, multiline = true) String comment,
		Long version) {

	public AssessmentDecision(Boolean accept, String comment) {
		this(accept, comment, null);
	}

}
