package com.trellis.metrics;

import java.math.BigDecimal;

/**
 * One KPI's figure for a period and slice.
 *
 * @param code stable identifier
 * @param name short name
 * @param definition how it is computed, in words
 * @param unit PERCENT, MONEY (reporting currency), HOURS, DAYS or COUNT
 * @param value the figure for the slice's partners; null when there is nothing to measure
 * @param baseline the direct-deal figure it compares with, where the KPI has one
 * @param numerator what was counted or summed, where it is a ratio
 * @param denominator what it was divided by
 */
public record Kpi(String code, String name, String definition, String unit, BigDecimal value, BigDecimal baseline,
		BigDecimal numerator, BigDecimal denominator) {
}
