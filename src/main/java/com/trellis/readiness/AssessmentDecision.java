package com.trellis.readiness;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/** The PAM accepts a submitted version, or returns it with a comment (required then). */
public record AssessmentDecision(@NotNull Boolean accept, @PlainText(max = 2000, multiline = true) String comment) {
}
