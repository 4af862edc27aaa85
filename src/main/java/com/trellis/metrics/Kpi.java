package com.trellis.metrics;

import java.math.BigDecimal;

import com.trellis.shared.Percent;
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
 * @param reason why there is no value (null when there is one)
 */
public record Kpi(String code, String name, String definition, String unit, BigDecimal value, BigDecimal baseline,
		BigDecimal numerator, BigDecimal denominator, String currency, String reason) {

	/** Said of a KPI without a value when nothing more precise is known. */
	static final String NOTHING_TO_MEASURE = "nothing to measure: no records for this period and slice";

	/**
	 * A percentage is carried at one decimal ({@link Percent}) whatever it was computed
	 * with, so the API, the pages, the CSV files and the packs show the same figure; a
	 * KPI without a value says why.
	 */
	public Kpi {
		if ("PERCENT".equals(unit)) {
			value = Percent.round(value);
			baseline = Percent.round(baseline);
		}
		if (value != null) {
			reason = null;
		}
		else if (reason == null || reason.isBlank()) {
			reason = NOTHING_TO_MEASURE;
		}
	}

	/** A KPI whose only amounts are those of a MONEY unit. */
	Kpi(String code, String name, String definition, String unit, BigDecimal value, BigDecimal baseline,
			BigDecimal numerator, BigDecimal denominator) {
		this(code, name, definition, unit, value, baseline, numerator, denominator,
				"MONEY".equals(unit) ? ReportingCurrency.CODE : null, null);
	}

	/**
	 * The same KPI, its numerator and denominator being amounts in the reporting
	 * currency.
	 */
	Kpi ofAmounts() {
		return new Kpi(this.code, this.name, this.definition, this.unit, this.value, this.baseline, this.numerator,
				this.denominator, ReportingCurrency.CODE, this.reason);
	}

	/** The same KPI without a value, for the reason given. */
	Kpi unavailable(String why) {
		return new Kpi(this.code, this.name, this.definition, this.unit, null, null, null, null, this.currency, why);
	}

}
