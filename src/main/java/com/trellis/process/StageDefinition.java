package com.trellis.process;

import java.util.List;

import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One stage of the process as the program admin configured it.
 */
public record StageDefinition(@NotNull Stage code, int position, @NotBlank @Size(max = 60) String name,
		@NotNull Role ownerRole, @NotBlank @Size(max = 500) String exitCriterion,
		@NotNull List<@NotBlank @Size(max = 120) String> checklist, @NotNull @Min(1) @Max(365) Integer normDays,
		boolean active) {

	public boolean closed() {
		return this.code.isClosed();
	}

}
