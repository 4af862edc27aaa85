package com.trellis.readiness;

import java.util.List;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A readiness self-assessment as the partner submits it.
 *
 * @param salesProcess sales-process maturity: 0 none, 1 ad hoc, 2 defined stages, 3
 * stages with exit criteria, 4 measured and reviewed
 * @param deliveryStaff people able to deliver the vendor's product
 */
public record AssessmentCommand(@NotNull @PlainText(max = 4000, multiline = true) String icpDefinition,
		@NotNull @Size(max = 20) List<@Valid @NotNull ProofItem> useCases, @Min(0) @Max(4) int salesProcess,
		@Min(0) @Max(50) int packagedOffers, @NotNull @Size(max = 20) List<@Valid @NotNull ProofItem> specialisations,
		@Min(0) @Max(10000) int deliveryStaff, @PlainText(max = 2000, multiline = true) String deliveryNotes) {
}
