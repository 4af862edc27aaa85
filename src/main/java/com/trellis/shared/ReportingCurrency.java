package com.trellis.shared;

/**
 * The currency every cross-currency figure is reported in (its exchange rate is 1), and
 * the one SQL expression that converts an amount into it: each amount is converted and
 * rounded to the reporting currency's minor unit once, before it is summed, compared or
 * ranked, so a figure reads the same in the forecast, the KPIs, the packs and their
 * exports.
 */
public final class ReportingCurrency {

	public static final String CODE = "USD";

	private ReportingCurrency() {
	}

	/**
	 * SQL for an amount converted into the reporting currency, e.g.
	 * {@code converted("o.amount", "fx.to_reporting")}.
	 */
	public static String converted(String amount, String rate) {
		return "round(" + amount + " * " + rate + ", " + MinorUnits.of(CODE) + ")";
	}

	/** The deal amount {@code o.amount} with the rate {@code fx.to_reporting}. */
	public static final String DEAL_AMOUNT = converted("o.amount", "fx.to_reporting");

	/** An amount in the reporting currency rounded to its minor unit. */
	public static java.math.BigDecimal round(java.math.BigDecimal amount) {
		return MinorUnits.round(amount, CODE);
	}

}
