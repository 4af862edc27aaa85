package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * One signal behind a score, explained: what it is, where it comes from, its window and
 * unit, its weight and how its value turns into points, what it read (value and evidence,
 * or why it is unknown), the points it contributes (null: not counted) and how value and
 * points moved since the previous week's scores (null when either is unknown).
 */
public record SignalView(String key, String name, String definition, String source, String window, String unit,
		int weight, String normalisation, BigDecimal value, String reason, BigDecimal points, BigDecimal valueChange,
		BigDecimal pointsChange) {
}
