package com.trellis.incentives;

import java.time.LocalDate;
import java.util.Map;

import com.trellis.shared.validation.BusinessDate;
import com.trellis.shared.validation.CurrencyRule;
import com.trellis.shared.validation.IsoCurrency;
import com.trellis.shared.validation.PlainText;
import tools.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A new incentive program. Parameters by kind: FAST_START_SPIFF {bonus, firstDeals,
 * withinDays}; REFERRAL {sourcedPercent, influencedPercent, coSellPercent};
 * QUARTERLY_REBATE and MDF {tiers: [{threshold, value}]} where value is a percent
 * (rebate) or a fund amount (MDF). In a JSON body the parameters' numbers are written
 * out, as every amount is ({@link ProgramParamsJson}).
 */
public record ProgramCommand(@NotBlank @PlainText(max = 120) String name, @NotNull ProgramKind kind,
		@NotNull @IsoCurrency String currency, @NotNull @BusinessDate LocalDate startsOn,
		@BusinessDate LocalDate endsOn,
		@NotNull @JsonDeserialize(using = ProgramParamsJson.class) Map<String, Object> params) {

	/**
	 * A currency code is read in any case and kept in capitals
	 * ({@link CurrencyRule#normalized}).
	 */
	public ProgramCommand {
		currency = CurrencyRule.normalized(currency);
	}

}
