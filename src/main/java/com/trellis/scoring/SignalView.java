package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * One signal behind a score, explained: what it is, where it comes from, its window and
 * unit, its weight and how its value turns into points, what it read (value and evidence,
 * or why it is unknown), the points it contributes (null: not counted) and how value and
 * points moved since the previous week's scores. {@code pointsChange} is defined whenever
 * the score's change is (a signal not counted in one of the two weeks moved it by its
 * points in the other, explained by {@code changeNote}), so the signals' moves add up to
 * the score's. {@code learnedNote} says how learned weights turned the value into points
 * (null under the rubric; {@code weight} and {@code normalisation} are then the
 * rubric's).
 */
public record SignalView(String key, String name, String definition, String source, String window, String unit,
		int weight, String normalisation, BigDecimal value, String reason, BigDecimal points, BigDecimal valueChange,
		BigDecimal pointsChange, String changeNote, String learnedNote) {
}
