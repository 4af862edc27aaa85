package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One score of a partner as of a cut-off: 0 to 100 with one decimal, made of the points
 * each signal contributes (they add up to the score exactly), or unknown with the reason.
 *
 * @param pillar which score
 * @param value the score, or null when unknown
 * @param unknownReason why the score is unknown, or null
 * @param parts each signal's reading and points (null points: not counted)
 */
record Score(Pillar pillar, BigDecimal value, String unknownReason, List<Part> parts) {

	record Part(Rubric.Entry entry, Reading reading, BigDecimal points) {
	}

	boolean known() {
		return this.value != null;
	}

}
