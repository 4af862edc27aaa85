package com.trellis.plans;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Closes a plan: achieved or abandoned, and what came of it in a note. */
public record CloseCommand(@NotNull PlanOutcome outcome, @NotBlank @PlainText(max = 2000) String note) {
}
