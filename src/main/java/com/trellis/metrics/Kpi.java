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
		else if ("COUNT".equals(unit)) {
			value = tally(value, 0);
			baseline = tally(baseline, 0);
		}
		else if ("DAYS".equals(unit) || "HOURS".equals(unit)) {
			value = tally(value, 1);
			baseline = tally(baseline, 1);
		}
		if (currency == null) {
			// no amounts: what was counted and what it was divided by are whole counts
			numerator = whole(numerator);
			denominator = whole(denominator);
		}
		if (value != null) {
			reason = null;
		}
		else if (reason == null || reason.isBlank()) {
			reason = NOTHING_TO_MEASURE;
		}
	}

	/**
	 * A count as a whole number (124, never 124.00) or days and hours at one decimal,
	 * whole when whole (202, 3.5): the API, the CSV, the pages and the packs show the
	 * same figure.
	 */
	private static BigDecimal tally(BigDecimal figure, int decimals) {
		if (figure == null) {
			return null;
		}
		var rounded = figure.setScale(decimals, java.math.RoundingMode.HALF_UP);
		return rounded.signum() == 0 || rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0) : rounded;
	}

	private static BigDecimal whole(BigDecimal figure) {
		return figure == null || figure.stripTrailingZeros().scale() > 0 ? figure : figure.setScale(0);
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
		return new Kpi(this.code, this.name, this.definition, this.unit, this.value, this.baseline,
				amount(this.numerator), amount(this.denominator), ReportingCurrency.CODE, this.reason);
	}

	private static BigDecimal amount(BigDecimal figure) {
		return figure == null ? null : ReportingCurrency.round(figure);
	}

	/**
	 * The same KPI with what was counted or summed only: no value, denominator or
	 * baseline, for the reason given.
	 */
	Kpi numeratorOnly(String why) {
		return new Kpi(this.code, this.name, this.definition, this.unit, null, null, this.numerator, null,
				this.currency, why);
	}

	/** The same KPI without a value, for the reason given. */
	Kpi unavailable(String why) {
		return new Kpi(this.code, this.name, this.definition, this.unit, null, null, null, null, this.currency, why);
	}

}
