package com.trellis.cohorts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A journey stage's entry criteria: minimum completions and deals in the last 180 days,
 * wins and AE invitations in the last 365 days (0: not required).
 */
public record JourneyCriteria(@NotNull JourneyStage stage, @Min(0) @Max(1000) int minEnablement180,
		@Min(0) @Max(1000) int minDeals180, @Min(0) @Max(1000) int minWins365, @Min(0) @Max(1000) int minAeInvites365) {
}
