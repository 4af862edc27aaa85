package com.trellis.process;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/**
 * In joint working: who owns the customer relationship and who owns the technical work.
 */
public record JointOwners(@NotBlank @PlainText(max = 120) String relationshipOwner,
		@NotBlank @PlainText(max = 120) String technicalOwner) {
}
