package com.trellis.incentives;

import java.io.Serializable;
import java.math.BigDecimal;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A partner's MDF request: the activity, its cost, the pipeline it should bring and what
 * the partner puts in itself.
 */
@AmountsIn(amounts = { "cost", "expectedPipeline", "partnerInvestment" })
public record MdfCommand(@NotBlank @PlainText(max = 500, multiline = true) String activity,
		@NotNull @MoneyAmount BigDecimal cost, @NotNull @IsoCurrency String currency,
		@NotNull @MoneyAmount(positive = false) BigDecimal expectedPipeline,
		@NotNull @MoneyAmount(positive = false) BigDecimal partnerInvestment) implements Serializable {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public MdfCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
