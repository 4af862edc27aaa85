package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.validation.AmountsIn;
import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.CurrencyRule;
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
public record OpportunityCommand(@NotNull Long accountId, @NotBlank @PlainText(max = NAME_MAX) String name,
		@NotNull @MoneyAmount(positive = false) BigDecimal amount, @NotNull @IsoCurrency String currency,
		@NotNull Stage stage, @BusinessDate LocalDate closeDate, Long ownerId, @NotNull DealSource source,
		Long partnerId, CreditType creditType,
		@DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal partnerShare) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public OpportunityCommand {
		currency = CurrencyRule.normalized(currency);
	}

	/** The most characters a deal's name has. */
	public static final int NAME_MAX = 200;

	/**
	 * A deal name Trellis makes of a customer's name and a tail
	 * ({@code " – partner lead"}): the customer's name shortened with "…" so that the
	 * whole fits {@link #NAME_MAX} (s55: a 200-character customer name made a
	 * 261-character deal that no edit could save).
	 */
	public static String nameOf(String customer, String tail) {
		int room = NAME_MAX - tail.codePointCount(0, tail.length());
		var name = customer.strip();
		if (name.codePointCount(0, name.length()) > room) {
			name = name.substring(0, name.offsetByCodePoints(0, room - 1)).strip() + "…";
		}
		return name + tail;
	}

}
