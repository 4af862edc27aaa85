package com.trellis.credit;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the partner or rep asks for, and why.
 */
public record RaiseDispute(@NotNull CreditType proposedCreditType,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal proposedShare,
		@NotBlank @Size(max = 2000) String reason) {
}
