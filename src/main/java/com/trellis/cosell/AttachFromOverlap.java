package com.trellis.cosell;

import com.trellis.deals.CreditType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Puts a partner present at the deal's account on the deal: which partner, and whether it
 * influences or co-sells it (the program's share for that credit applies).
 */
public record AttachFromOverlap(@NotNull @Positive Long partnerId, @NotNull CreditType creditType) {
}
