package com.trellis.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * In joint working: who owns the customer relationship and who owns the technical work.
 */
public record JointOwners(@NotBlank @Size(max = 120) String relationshipOwner,
		@NotBlank @Size(max = 120) String technicalOwner) {
}
