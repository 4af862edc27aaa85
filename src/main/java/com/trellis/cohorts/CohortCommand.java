package com.trellis.cohorts;

import java.util.List;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A cohort made by hand: its name and the partners the admin picked. */
public record CohortCommand(@NotBlank @PlainText(max = 120) String name,
		@NotNull @Size(min = 1, max = 500) List<@NotNull Long> partnerIds) {
}
