package com.trellis.cohorts;

import java.io.Serializable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A journey stage's entry criteria: minimum completions and deals in the last 180 days,
 * wins and AE invitations in the last 365 days (0: not required). Used for the program's
 * criteria and for a cohort's own; a missing number is refused naming its field.
 */
public record JourneyCriteria(@NotNull JourneyStage stage, @NotNull @Min(0) @Max(1000) Integer minEnablement180,
		@NotNull @Min(0) @Max(1000) Integer minDeals180, @NotNull @Min(0) @Max(1000) Integer minWins365,
		@NotNull @Min(0) @Max(1000) Integer minAeInvites365) implements Serializable {

	JourneyPlacement.Criteria toCriteria() {
		return new JourneyPlacement.Criteria(this.stage, this.minEnablement180, this.minDeals180, this.minWins365,
				this.minAeInvites365);
	}

	static JourneyCriteria of(JourneyPlacement.Criteria c) {
		return new JourneyCriteria(c.stage(), c.minEnablement180(), c.minDeals180(), c.minWins365(),
				c.minAeInvites365());
	}

}
