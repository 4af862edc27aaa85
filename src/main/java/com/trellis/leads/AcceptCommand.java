package com.trellis.leads;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rep accepts a lead, and may open a partner-sourced deal from it at once (then the
 * amount, currency and expected close date are needed). A missing {@code openDeal} means
 * false.
 */
public record AcceptCommand(Boolean openDeal, @Size(max = 200) String dealName,
		@DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
		LocalDate closeDate) {

	public static final AcceptCommand ONLY_ACCEPT = new AcceptCommand(false, null, null, null, null);

}
