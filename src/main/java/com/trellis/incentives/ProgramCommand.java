package com.trellis.incentives;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new incentive program. Parameters by kind: FAST_START_SPIFF {bonus, firstDeals,
 * withinDays}; REFERRAL {sourcedPercent, influencedPercent, coSellPercent};
 * QUARTERLY_REBATE and MDF {tiers: [{threshold, value}]} where value is a percent
 * (rebate) or a fund amount (MDF).
 */
public record ProgramCommand(@NotBlank @Size(max = 120) String name, @NotNull ProgramKind kind,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code") String currency,
		@NotNull LocalDate startsOn, LocalDate endsOn, @NotNull Map<String, Object> params) {
}
