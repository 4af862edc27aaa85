package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to create or update a deal. The owner defaults to the caller.
 */
public record OpportunityCommand(@NotNull Long accountId, @NotBlank @Size(max = 200) String name,
		@NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
		@NotNull Stage stage, LocalDate closeDate, Long ownerId, @NotNull DealSource source, Long partnerId,
		CreditType creditType,
		@DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal partnerShare) {
}
