package com.trellis.leads;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;

/**
 * A rep accepts a lead, and may open a partner-sourced deal from it at once (then the
 * amount, currency and expected close date are needed). A missing {@code openDeal} means
 * false.
 */
@AmountsIn(amounts = "amount")
public record AcceptCommand(Boolean openDeal, @PlainText(max = 200) String dealName,
		@MoneyAmount(positive = false) BigDecimal amount, @IsoCurrency String currency,
		@BusinessDate LocalDate closeDate) implements Serializable {

	public static final AcceptCommand ONLY_ACCEPT = new AcceptCommand(false, null, null, null, null);

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public AcceptCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
