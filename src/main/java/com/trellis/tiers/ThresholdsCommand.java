package com.trellis.tiers;

import java.io.Serializable;
import java.util.ArrayList;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * New thresholds as the admin sends them; {@link #validated()} names every bad field.
 */
public record ThresholdsCommand(Integer tier1Readiness, Integer tier1Behaviour, Integer tier1Trust,
		Integer tier2Readiness, Integer tier2Behaviour, Integer tier2Trust, Integer weeksHeld) implements Serializable {

	/** Longest hold an admin may ask for: half a year of weekly evaluations. */
	static final int MAX_WEEKS = 26;

	TierThresholds validated() {
		var errors = new ArrayList<FieldError>();
		score(errors, "tier1Readiness", this.tier1Readiness);
		score(errors, "tier1Behaviour", this.tier1Behaviour);
		score(errors, "tier1Trust", this.tier1Trust);
		score(errors, "tier2Readiness", this.tier2Readiness);
		score(errors, "tier2Behaviour", this.tier2Behaviour);
		score(errors, "tier2Trust", this.tier2Trust);
		if (this.weeksHeld == null || this.weeksHeld < 1 || this.weeksHeld > MAX_WEEKS) {
			errors.add(new FieldError("weeksHeld", "must be a whole number of weeks from 1 to " + MAX_WEEKS));
		}
		// each pair of readable scores compared, with the other fields' problems (try54
		// was told a bad weeksHeld first and the tiers' order only after)
		below(errors, "tier2Readiness", this.tier2Readiness, this.tier1Readiness);
		below(errors, "tier2Behaviour", this.tier2Behaviour, this.tier1Behaviour);
		below(errors, "tier2Trust", this.tier2Trust, this.tier1Trust);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new TierThresholds(this.tier1Readiness, this.tier1Behaviour, this.tier1Trust, this.tier2Readiness,
				this.tier2Behaviour, this.tier2Trust, this.weeksHeld);
	}

	private static void score(ArrayList<FieldError> errors, String field, Integer value) {
		if (value == null || value < 0 || value > 100) {
			errors.add(new FieldError(field, "must be a whole number from 0 to 100"));
		}
	}

	private static void below(ArrayList<FieldError> errors, String field, Integer tier2, Integer tier1) {
		if (readable(tier2) && readable(tier1) && tier2 > tier1) {
			errors.add(new FieldError(field, "must not be above the Tier 1 threshold (" + tier1 + ")"));
		}
	}

	private static boolean readable(Integer score) {
		return score != null && score >= 0 && score <= 100;
	}

}
