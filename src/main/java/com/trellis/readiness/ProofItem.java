package com.trellis.readiness;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A use case or specialisation the partner names, with one of its won deals as proof
 * (optional).
 */
public record ProofItem(@NotBlank @PlainText(max = 200) String title, @Positive Long proofDealId) {
}
