package com.trellis.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.shared.validation.ValueLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportValueRulesTest {

	private final ImportValueRules rules = new ImportValueRules(
			new ValueLimits(new BigDecimal("1000000"), LocalDate.of(1970, 1, 1), LocalDate.of(2100, 12, 31)),
			ZoneOffset.UTC, java.time.Instant.parse("2026-12-01T08:00:00Z"));

	@Test
	void anAmountMayHaveItsCurrencysDecimalsAndNoMore() {
		assertThat(this.rules.amountProblem(new BigDecimal("1234.567"), "BHD")).isEmpty();
		assertThat(this.rules.amountProblem(new BigDecimal("1234.5678"), "BHD"))
			.contains("must have at most 3 decimals for BHD");
		assertThat(this.rules.amountProblem(new BigDecimal("100.5"), "JPY"))
			.contains("must be a whole number: JPY has no decimals");
		assertThat(this.rules.amountProblem(new BigDecimal("100.50"), "USD")).isEmpty();
		assertThat(this.rules.amountProblem(new BigDecimal("100.505"), "USD"))
			.contains("must have at most 2 decimals for USD");
	}

	@Test
	void anAmountBreaksOneRuleAtATime() {
		assertThat(this.rules.amountProblem(new BigDecimal("-5.5"), "JPY")).contains("must not be negative");
		assertThat(this.rules.amountProblem(new BigDecimal("2000000"), "USD")).contains("must be at most 1000000");
		// the currency's own decimals however many are sent; the stored four without one
		assertThat(this.rules.amountProblem(new BigDecimal("1.123456"), "USD"))
			.contains("must have at most 2 decimals for USD");
		assertThat(this.rules.amountProblem(new BigDecimal("1.123456"), null)).contains("must have at most 4 decimals");
	}

}
