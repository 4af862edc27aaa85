package com.trellis.plays;

import java.io.Serializable;
import java.util.List;

import com.trellis.shared.validation.DistinctLabels;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A play as the admin writes it. The sales moment, the role and the partner types are
 * read as text and checked with the rest ({@link PlayCheck}), so a page form and an API
 * body both get every bad field named in one answer.
 *
 * @param partnerTypes the partner types the play is relevant for (at least one)
 * @param verticals the verticals it fits (none: any)
 * @param capabilities the partner capabilities it needs (none: any)
 */
public record PlayCommand(@NotBlank @PlainText(max = 120) String title, @NotBlank String moment, @NotBlank String role,
		@NotBlank @PlainText(max = 200) String buyer,
		@NotBlank @PlainText(max = 2000, multiline = true) String whyPartner,
		@NotBlank @PlainText(max = 2000, multiline = true) String whenToBring,
		@NotBlank @PlainText(max = 2000, multiline = true) String problem,
		@Size(min = 1, max = 5, message = "name between 1 and 5 partner types") List<String> partnerTypes,
		@Size(max = 10) List<@NotBlank @PlainText(max = 60) String> verticals,
		@Size(max = 10) List<@NotBlank @PlainText(max = 60) String> capabilities) implements Serializable {

	public PlayCommand {
		partnerTypes = partnerTypes == null ? List.of() : List.copyOf(partnerTypes);
		verticals = DistinctLabels.copy(verticals);
		capabilities = DistinctLabels.copy(capabilities);
	}

}
