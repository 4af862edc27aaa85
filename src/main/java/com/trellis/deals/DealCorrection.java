package com.trellis.deals;

import java.math.BigDecimal;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.FreeText;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A program admin's correction of a closed deal's amount or currency, with the reason
 * that goes on the record. The same value rules as a deal's ({@link OpportunityCommand}).
 */
@AmountsIn(amounts = "amount")
public record DealCorrection(@NotNull @MoneyAmount(positive = false) BigDecimal amount,
		@NotNull @IsoCurrency String currency,
		@NotBlank @PlainText(max = FreeText.NOTE, multiline = true) String reason) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public DealCorrection {
		currency = CurrencyRule.normalized(currency);
	}

}
