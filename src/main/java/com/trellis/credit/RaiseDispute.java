package com.trellis.credit;

import java.io.Serializable;
import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the partner or rep asks for, and why; also the deal page's dispute form (flashed
 * back when refused, hence serializable).
 */
public record RaiseDispute(@NotNull CreditType proposedCreditType,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal proposedShare,
		@NotBlank @PlainText(max = 2000, multiline = true) String reason) implements Serializable {
}
