package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.MoneyAmount;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What it takes to create or update a deal. The owner defaults to the caller.
 */
@AmountsIn(amounts = "amount")
public record OpportunityCommand(@NotNull Long accountId, @NotBlank @PlainText(max = 200) String name,
		@NotNull @MoneyAmount(positive = false) BigDecimal amount, @NotNull @IsoCurrency String currency,
		@NotNull Stage stage, @BusinessDate LocalDate closeDate, Long ownerId, @NotNull DealSource source,
		Long partnerId, CreditType creditType,
		@DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal partnerShare) {
}
