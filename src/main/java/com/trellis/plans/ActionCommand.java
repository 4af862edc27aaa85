package com.trellis.plans;

import java.time.LocalDate;

import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One action of a plan: what, which side does it, by when, and where it stands (a new
 * action is open when no status is given).
 */
public record ActionCommand(@NotBlank @PlainText(max = 500) String description, @NotNull PlanSide side,
		@NotNull @BusinessDate LocalDate dueOn, ActionStatus status) {
}
