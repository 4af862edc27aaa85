package com.trellis.plans;

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
 * An account plan as written: the partner and our account it is for, its joint goals
 * (open pipeline to build and revenue to win, in one currency, from a day to a day), and
 * the owner on each side (a member of our staff, a user of the partner).
 */
@AmountsIn(amounts = { "pipelineGoal", "revenueGoal" })
public record PlanCommand(@NotNull @Positive Long partnerId, @NotNull @Positive Long accountId,
		@NotBlank @PlainText(max = 200) String title, @NotNull @MoneyAmount(positive = false) BigDecimal pipelineGoal,
		@NotNull @MoneyAmount(positive = false) BigDecimal revenueGoal, @NotNull @IsoCurrency String currency,
		@NotNull @BusinessDate LocalDate startsOn, @NotNull @BusinessDate LocalDate endsOn,
		@NotNull @Positive Long vendorOwnerId, @NotNull @Positive Long partnerContactId) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public PlanCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
