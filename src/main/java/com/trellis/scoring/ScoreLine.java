package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * One partner's current scores in a list (null: unknown), with the move since the
 * previous week, and why each unknown score is unknown ({@code unknownReason}, "trust: no
 * closed deals yet", null when every score is known), as the scorecard says it.
 */
public record ScoreLine(long partnerId, String partnerName, String fiscalWeek, BigDecimal readiness,
		BigDecimal readinessChange, BigDecimal behaviour, BigDecimal behaviourChange, BigDecimal trust,
		BigDecimal trustChange, String unknownReason) {

	/** The line named and its reason read in the reader's words. */
	ScoreLine named(String name, java.util.function.UnaryOperator<String> words) {
		return new ScoreLine(this.partnerId, name, this.fiscalWeek, this.readiness, this.readinessChange,
				this.behaviour, this.behaviourChange, this.trust, this.trustChange,
				this.unknownReason == null ? null : words.apply(this.unknownReason));
	}

}
