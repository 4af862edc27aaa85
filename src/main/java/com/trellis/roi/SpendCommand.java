package com.trellis.roi;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Program spend an admin records: the partner, the day, the amount and what it paid for.
 */
@AmountsIn(amounts = { "amount" })
public record SpendCommand(@NotNull @Positive Long partnerId, @NotNull @BusinessDate LocalDate spentOn,
		@NotNull @MoneyAmount BigDecimal amount, @NotNull @IsoCurrency String currency,
		@NotBlank @PlainText(max = 200) String purpose) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public SpendCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
