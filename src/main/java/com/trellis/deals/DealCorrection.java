package com.trellis.deals;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A program admin's correction of a closed deal's amount or currency, with the reason
 * that goes on the record.
 */
public record DealCorrection(@NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
		@NotBlank @Size(max = 2000) String reason) {
}
