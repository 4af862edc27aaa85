package com.trellis.registration;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The program's rules of engagement, edited by the program admin.
 *
 * @param protectionDays how long the first valid registration protects a customer
 * @param laterRegistration what happens to a later registration of a protected customer
 * @param approvalSlaBusinessDays how long a PAM has to decide
 * @param extensionDays the one extension a PAM may grant
 * @param sourcedShare partner share for sourced credit, percent with at most two decimals
 * (finer is refused, not rounded)
 * @param influencedShare partner share for influenced credit, percent with at most two
 * decimals (finer is refused, not rounded)
 * @param coSellShare partner share for co-sell credit, percent with at most two decimals
 * (finer is refused, not rounded)
 */
public record RegistrationRules(@NotNull @Min(1) @Max(730) Integer protectionDays,
		@NotNull LaterRegistration laterRegistration, @NotNull @Min(1) @Max(30) Integer approvalSlaBusinessDays,
		@NotNull @Min(1) @Max(365) Integer extensionDays,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal sourcedShare,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal influencedShare,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal coSellShare) {

	static final RegistrationRules DEFAULTS = new RegistrationRules(90, LaterRegistration.HOLD, 2, 30,
			new BigDecimal("20.00"), new BigDecimal("10.00"), new BigDecimal("15.00"));

	public BigDecimal shareFor(CreditType type) {
		return switch (type) {
			case SOURCED -> this.sourcedShare;
			case INFLUENCED -> this.influencedShare;
			case CO_SELL -> this.coSellShare;
		};
	}

	public enum LaterRegistration {

		HOLD, REJECT

	}

}
