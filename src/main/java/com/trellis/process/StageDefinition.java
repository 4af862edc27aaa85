package com.trellis.process;

import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One stage of the process as the program admin configured it.
 */
public record StageDefinition(@NotNull Stage code, int position, @NotBlank @PlainText(max = 60) String name,
		@NotNull Role ownerRole, @NotBlank @PlainText(max = 500, multiline = true) String exitCriterion,
		@NotNull List<@NotBlank @PlainText(max = 120) String> checklist, @NotNull @Min(1) @Max(365) Integer normDays,
		boolean active) {

	public boolean closed() {
		return this.code.isClosed();
	}

}
