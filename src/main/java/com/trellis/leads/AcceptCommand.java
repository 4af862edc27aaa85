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
 * false. {@code accountId} names the account the lead is for when its company matches
 * more than one (one of them; needed then to open a deal), and is refused otherwise.
 */
@AmountsIn(amounts = "amount")
public record AcceptCommand(Boolean openDeal, @PlainText(max = 200) String dealName,
		@MoneyAmount(positive = false) BigDecimal amount, @IsoCurrency String currency,
		@BusinessDate LocalDate closeDate, Long accountId) implements Serializable {

	public static final AcceptCommand ONLY_ACCEPT = new AcceptCommand(false, null, null, null, null);

	/** An acceptance that names no account. */
	public AcceptCommand(Boolean openDeal, String dealName, BigDecimal amount, String currency, LocalDate closeDate) {
		this(openDeal, dealName, amount, currency, closeDate, null);
	}

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public AcceptCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
