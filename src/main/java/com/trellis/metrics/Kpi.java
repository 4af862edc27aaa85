package com.trellis.metrics;

import java.math.BigDecimal;

import com.trellis.shared.ReportingCurrency;

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
 * @param currency the reporting currency when any of the figures is an amount (a MONEY
 * KPI, or a share of two amounts such as pipeline contribution), otherwise null
 */
public record Kpi(String code, String name, String definition, String unit, BigDecimal value, BigDecimal baseline,
		BigDecimal numerator, BigDecimal denominator, String currency) {

	/** A KPI whose only amounts are those of a MONEY unit. */
	Kpi(String code, String name, String definition, String unit, BigDecimal value, BigDecimal baseline,
			BigDecimal numerator, BigDecimal denominator) {
		this(code, name, definition, unit, value, baseline, numerator, denominator,
				"MONEY".equals(unit) ? ReportingCurrency.CODE : null);
	}

	/**
	 * The same KPI, its numerator and denominator being amounts in the reporting
	 * currency.
	 */
	Kpi ofAmounts() {
		return new Kpi(this.code, this.name, this.definition, this.unit, this.value, this.baseline, this.numerator,
				this.denominator, ReportingCurrency.CODE);
	}

}
