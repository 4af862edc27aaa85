package com.trellis.incentives;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partner's MDF request: the activity, its cost, the pipeline it should bring and what
 * the partner puts in itself.
 */
public record MdfCommand(@NotBlank @Size(max = 500) String activity,
		@NotNull @DecimalMin("0.01") @Digits(integer = 17, fraction = 2) BigDecimal cost,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code") String currency,
		@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal expectedPipeline,
		@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal partnerInvestment) {
}
