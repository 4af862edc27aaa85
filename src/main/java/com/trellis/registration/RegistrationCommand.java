package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;

/**
 * The short registration form. Which fields are required depends on who registers, so the
 * entry gate ({@link EntryGate}) names what is missing; these annotations only check
 * shape.
 *
 * @param accountId an existing account (vendor staff only)
 * @param customerName the customer's company name, when no account is picked
 * @param customerDomain the customer's web domain
 * @param customerNeed the confirmed customer need
 * @param amount expected amount
 * @param currency ISO 4217 code; that the program has its rate is checked with the
 * registration's reads, in its transaction ({@link RegistrationInput})
 * @param expectedCloseDate expected close date
 * @param partnerId partner of record (fixed for a partner user)
 * @param creditType credit type proposed
 */
@AmountsIn(amounts = "amount")
public record RegistrationCommand(Long accountId, @PlainText(max = 200) String customerName,
		@PlainText(max = 253) String customerDomain, @PlainText(max = 2000, multiline = true) String customerNeed,
		@MoneyAmount BigDecimal amount, @IsoCurrency(requireRate = false) String currency,
		@BusinessDate LocalDate expectedCloseDate, Long partnerId,
		CreditType creditType) implements java.io.Serializable {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public RegistrationCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
