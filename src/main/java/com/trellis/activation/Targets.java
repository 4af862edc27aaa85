package com.trellis.activation;

import java.math.BigDecimal;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A partner's activation success criteria.
 */
@AmountsIn(amounts = { "pipeline", "revenue" })
public record Targets(@NotNull @Min(0) Integer registrations,
		@NotNull @MoneyAmount(positive = false) BigDecimal pipeline,
		@NotNull @MoneyAmount(positive = false) BigDecimal revenue, @NotNull @IsoCurrency String currency) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public Targets {
		currency = CurrencyRule.normalized(currency);
	}

}
