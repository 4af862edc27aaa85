package com.trellis.process;

import com.trellis.shared.InvalidInputException;

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

	/**
	 * What is wrong with this stage beyond its annotations, each named by its field: a
	 * checklist naming one item twice, case and spaces aside (one tick would mark both;
	 * try01: "Budget confirmed" three times was saved), or an executive owner (a stage is
	 * worked by a PAM, AE, sales manager, partner or admin).
	 */
	List<InvalidInputException.FieldError> problems() {
		var problems = new java.util.ArrayList<InvalidInputException.FieldError>();
		var seen = new java.util.HashMap<String, Integer>();
		for (int i = 0; this.checklist != null && i < this.checklist.size(); i++) {
			// spaces of any kind and how many aside: "Budget\u00a0confirmed" looks the
			// same
			var key = this.checklist.get(i).replaceAll("[\\s\\p{Z}]+", " ").strip().toLowerCase(java.util.Locale.ROOT);
			var first = seen.putIfAbsent(key, i + 1);
			if (first != null) {
				problems.add(new InvalidInputException.FieldError("checklist",
						"the " + this.name + " checklist names \"" + this.checklist.get(i).strip() + "\" twice (items "
								+ first + " and " + (i + 1) + "); each item is ticked on its own"));
				break;
			}
		}
		if (this.ownerRole == Role.EXECUTIVE) {
			problems.add(new InvalidInputException.FieldError("ownerRole",
					"a stage is owned by a PAM, AE, sales manager, partner or admin"));
		}
		return problems;
	}

}
