package com.trellis.guidance;

import java.math.BigDecimal;

import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.StoredFigures;

/**
 * Money inside a recommendation's reason, written as every text a person reads shows it:
 * the currency, then the amount grouped at the currency's minor unit ("USD 89,182.00"),
 * never the bare "89182.00". Every rule composing a reason with an amount goes through
 * here.
 */
final class ReasonMoney {

	private ReasonMoney() {
	}

	static String of(BigDecimal amount, String currency) {
		return StoredFigures.money(amount, currency);
	}

	/** An amount in the reporting currency (pipelines summed across currencies). */
	static String reporting(BigDecimal amount) {
		return StoredFigures.money(amount, ReportingCurrency.CODE);
	}

}
