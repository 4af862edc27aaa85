package com.trellis.registration;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The short registration form. Which fields are required depends on who registers, so the
 * entry gate ({@link EntryGate}) names what is missing; these annotations only check
 * shape.
 *
 * @param accountId an existing account (vendor staff only)
 * @param customerName the customer's company name, when no account is picked
 * @param customerDomain the customer's web domain
 * @param customerNeed the confirmed customer need
 * @param amount expected amount
 * @param currency ISO 4217 code
 * @param expectedCloseDate expected close date
 * @param partnerId partner of record (fixed for a partner user)
 * @param creditType credit type proposed
 */
public record RegistrationCommand(Long accountId, @Size(max = 200) String customerName,
		@Size(max = 253) String customerDomain, @Size(max = 2000) String customerNeed,
		@DecimalMin(value = "0.01", message = "must be more than zero") @Digits(integer = 17,
				fraction = 2) BigDecimal amount,
		@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as USD") String currency,
		LocalDate expectedCloseDate, Long partnerId, CreditType creditType) {
}
