package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.ValueLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramParamsRuleTest {

	private static List<String> fields(ProgramKind kind, String currency, Map<String, Object> params) {
		return ProgramParamsRule.problems(kind, currency, params, ValueLimits.DEFAULTS)
			.stream()
			.map(FieldError::field)
			.toList();
	}

	@Test
	void referralPercentagesAreFromZeroToAHundredWithTwoDecimals() {
		assertThat(fields(ProgramKind.REFERRAL, "USD",
				Map.of("sourcedPercent", 1e21, "influencedPercent", new BigDecimal("5.125"), "coSellPercent", 500)))
			.containsExactlyInAnyOrder("params.sourcedPercent", "params.influencedPercent", "params.coSellPercent");
		assertThat(fields(ProgramKind.REFERRAL, "USD", Map.of("sourcedPercent", new BigDecimal("100"),
				"influencedPercent", new BigDecimal("5.25"), "coSellPercent", 0)))
			.isEmpty();
	}

	@Test
	void anUnknownParameterIsNamed() {
		assertThat(fields(ProgramKind.REFERRAL, "USD",
				Map.of("sourcedPercent", 10, "influencedPercent", 5, "coSellPercent", 3, "bogus", 1)))
			.containsExactly("params.bogus");
		assertThat(fields(ProgramKind.MDF, "USD",
				Map.of("tiers", List.of(Map.of("threshold", 0, "value", 100, "extra", 1)))))
			.containsExactly("params.tiers[0].extra");
	}

	@Test
	void rebateTiersArePercentagesInAscendingOrder() {
		assertThat(fields(ProgramKind.QUARTERLY_REBATE, "USD",
				Map.of("tiers",
						List.of(Map.of("threshold", 0, "value", 1e40), Map.of("threshold", 100, "value", 2),
								Map.of("threshold", 50, "value", 3)))))
			.containsExactly("params.tiers[0].value", "params.tiers[2].threshold");
	}

	@Test
	void fundAndBonusAmountsStayWithinTheMaximumAndTheCurrencysDecimals() {
		assertThat(fields(ProgramKind.MDF, "JPY", Map.of("tiers",
				List.of(Map.of("threshold", new BigDecimal("0.5"), "value", new BigDecimal("1000000000000.01"))))))
			.containsExactly("params.tiers[0].threshold", "params.tiers[0].value");
		assertThat(fields(ProgramKind.FAST_START_SPIFF, "USD",
				Map.of("bonus", new BigDecimal("1e13"), "firstDeals", 4294967297L, "withinDays", 366)))
			.containsExactly("params.bonus", "params.firstDeals", "params.withinDays");
		assertThat(fields(ProgramKind.FAST_START_SPIFF, "USD",
				Map.of("bonus", new BigDecimal("500.00"), "firstDeals", 3, "withinDays", 90)))
			.isEmpty();
	}

	@Test
	void aNumberSentAsTextIsRefusedAsInEveryApiBody() {
		assertThat(ProgramParamsRule.quotedNumbers(Map.of("bonus", "500", "firstDeals", 1, "withinDays", "ninety",
				"tiers", List.of(Map.of("threshold", "100", "value", 2))))
			.stream()
			.map(e -> e.field())).containsExactlyInAnyOrder("params.bonus", "params.tiers[0].threshold");
	}

}
