package com.trellis.tiers;

import java.io.Serializable;
import java.util.ArrayList;

import com.trellis.shared.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * New thresholds as the admin sends them; {@link #validated()} names every bad field. The
 * fields' annotations ({@link Score}, {@link Weeks}) state the same ranges in the same
 * words, so that a number beyond an int is told its field's range
 * ({@code WholeNumberBounds}) and an unreadable field does not hide another's bad range
 * ({@code UnreadableFields}; try69).
 */
public record ThresholdsCommand(@Score Integer tier1Readiness, @Score Integer tier1Behaviour, @Score Integer tier1Trust,
		@Score Integer tier2Readiness, @Score Integer tier2Behaviour, @Score Integer tier2Trust,
		@Weeks Integer weeksHeld) implements Serializable {

	/** Longest hold an admin may ask for: half a year of weekly evaluations. */
	static final int MAX_WEEKS = 26;

	/** What a score out of its range is told. */
	static final String SCORE = "must be a whole number from 0 to 100";

	/** What a hold out of its range is told. */
	static final String WEEKS = "must be a whole number of weeks from 1 to " + MAX_WEEKS;

	/** A score threshold: 0 to 100, told as {@link #SCORE}. */
	@jakarta.validation.Constraint(validatedBy = {})
	@jakarta.validation.ReportAsSingleViolation
	@NotNull
	@Min(0)
	@Max(100)
	@java.lang.annotation.Target({ java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD,
			java.lang.annotation.ElementType.PARAMETER })
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@interface Score {

		String message() default SCORE;

		Class<?>[] groups() default {};

		Class<? extends jakarta.validation.Payload>[] payload() default {};

	}

	/** A hold: 1 to {@link #MAX_WEEKS} weekly evaluations, told as {@link #WEEKS}. */
	@jakarta.validation.Constraint(validatedBy = {})
	@jakarta.validation.ReportAsSingleViolation
	@NotNull
	@Min(1)
	@Max(MAX_WEEKS)
	@java.lang.annotation.Target({ java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD,
			java.lang.annotation.ElementType.PARAMETER })
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@interface Weeks {

		String message() default WEEKS;

		Class<?>[] groups() default {};

		Class<? extends jakarta.validation.Payload>[] payload() default {};

	}

	TierThresholds validated() {
		var errors = new ArrayList<FieldError>();
		score(errors, "tier1Readiness", this.tier1Readiness);
		score(errors, "tier1Behaviour", this.tier1Behaviour);
		score(errors, "tier1Trust", this.tier1Trust);
		score(errors, "tier2Readiness", this.tier2Readiness);
		score(errors, "tier2Behaviour", this.tier2Behaviour);
		score(errors, "tier2Trust", this.tier2Trust);
		if (this.weeksHeld == null || this.weeksHeld < 1 || this.weeksHeld > MAX_WEEKS) {
			errors.add(new FieldError("weeksHeld", WEEKS));
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
			errors.add(new FieldError(field, SCORE));
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
