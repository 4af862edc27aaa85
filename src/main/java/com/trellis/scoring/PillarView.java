package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One of a partner's three scores: 0 to 100 (one decimal) with the signals' points, which
 * add up to it (with {@code basePoints} when the weights are learned), or unknown with
 * the reason; {@code change} is the move since the previous week's score (null when
 * either is unknown or there is none). {@code basis} is {@code LEARNED} or {@code RUBRIC}
 * and {@code basisReason} says what the weights were learned from, or why the default
 * rubric is used. {@code basePointsChange} is how far the base points moved since the
 * previous week (the weights are learned afresh each week, so the base moves too), with
 * {@code basePointsNote} when they were given in only one of the weeks: the signals'
 * moves and it add up to {@code change}.
 */
public record PillarView(Pillar pillar, BigDecimal score, String unknownReason, BigDecimal change,
		List<SignalView> signals, String basis, String basisReason, BigDecimal basePoints, BigDecimal basePointsChange,
		String basePointsNote) {
}
