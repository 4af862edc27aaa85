package com.trellis.roi;

import java.math.BigDecimal;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import jakarta.validation.constraints.NotNull;

/**
 * The admin's cost rates: PAM time per managed partner and quarter, and one enablement
 * hour, each in its own currency and refused with more decimals than that currency has.
 */
@AmountsIn(amounts = { "pamCostPerPartner" }, currency = "pamCurrency")
@AmountsIn(amounts = { "enablementHourCost" }, currency = "enablementCurrency")
public record CostRates(@NotNull @MoneyAmount(positive = false) BigDecimal pamCostPerPartner,
		@NotNull @IsoCurrency String pamCurrency, @NotNull @MoneyAmount(positive = false) BigDecimal enablementHourCost,
		@NotNull @IsoCurrency String enablementCurrency) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public CostRates {
		pamCurrency = CurrencyRule.normalized(pamCurrency);
		enablementCurrency = CurrencyRule.normalized(enablementCurrency);
	}

}
