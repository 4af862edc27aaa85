package com.trellis.activation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A partner's activation success criteria.
 */
public record Targets(@NotNull @Min(0) Integer registrations, @NotNull @DecimalMin("0") BigDecimal pipeline,
		@NotNull @DecimalMin("0") BigDecimal revenue,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code") String currency) {
}
