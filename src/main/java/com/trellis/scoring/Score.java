package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One score of a partner as of a cut-off: 0 to 100 with one decimal, made of the points
 * each signal contributes (they add up to the score exactly, with the learned weights'
 * base points), or unknown with the reason.
 *
 * @param pillar which score
 * @param value the score, or null when unknown
 * @param unknownReason why the score is unknown, or null
 * @param parts each signal's reading and points (null points: not counted)
 * @param basis which weights made it and why
 */
record Score(Pillar pillar, BigDecimal value, String unknownReason, List<Part> parts, Basis basis) {

	Score(Pillar pillar, BigDecimal value, String unknownReason, List<Part> parts) {
		this(pillar, value, unknownReason, parts, Basis.RUBRIC);
	}

	/**
	 * A signal's part: its reading, its points and, for learned weights, how the points
	 * were computed.
	 */
	record Part(Rubric.Entry entry, Reading reading, BigDecimal points, String note) {

		Part(Rubric.Entry entry, Reading reading, BigDecimal points) {
			this(entry, reading, points, null);
		}

	}

	/**
	 * The weights behind a score: {@code LEARNED} (then {@code basePoints} is the score
	 * of a partner at every baseline, and the signals' points may be negative) or
	 * {@code RUBRIC}, with the reason.
	 */
	record Basis(String kind, String reason, BigDecimal basePoints) {

		static final Basis RUBRIC = new Basis("RUBRIC", "default rubric", null);

		static Basis rubric(String why) {
			return new Basis("RUBRIC", "default rubric: " + why, null);
		}

		boolean learned() {
			return "LEARNED".equals(this.kind);
		}

	}

	boolean known() {
		return this.value != null;
	}

	Score withBasis(Basis basis) {
		return new Score(this.pillar, this.value, this.unknownReason, this.parts, basis);
	}

}
