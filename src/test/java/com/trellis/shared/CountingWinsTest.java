package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountingWinsTest {

	private static final ExchangeRates RATES = currency -> Optional
		.ofNullable(Map.of("USD", BigDecimal.ONE, "JPY", new BigDecimal("0.0067")).get(currency));

	@Test
	void aWinCountsOnlyFromTheMinimumInTheReportingCurrency() {
		var wins = new CountingWins(new BigDecimal("100"), RATES);
		// JPY 14,925 is USD 99.997... = 100.00; JPY 14,900 is USD 99.83
		assertThat(wins.counts(new BigDecimal("14925"), "JPY")).isTrue();
		assertThat(wins.decide(new BigDecimal("14900"), "JPY").reason()).contains("USD 99.83")
			.contains("below the minimum of USD 100");
		assertThat(wins.counts(new BigDecimal("0.00"), "USD")).isFalse();
		assertThat(wins.counts(new BigDecimal("100.00"), "USD")).isTrue();
		assertThat(wins.sql("o.amount", "fx.to_reporting"))
			.isEqualTo("(o.amount > 0 AND round(o.amount * COALESCE(fx.to_reporting, 1), 2) >= 100)");
	}

	@Test
	void aCalculationOverManyWinsReadsEachRateOnceAndConvertsAsConversionsDoes() {
		var reads = new java.util.concurrent.atomic.AtomicInteger();
		ExchangeRates counted = currency -> {
			reads.incrementAndGet();
			return RATES.toReporting(currency);
		};
		var wins = new CountingWins(new BigDecimal("100"), counted);
		var conversions = wins.conversions();
		for (int i = 0; i < 50; i++) {
			wins.counts(new BigDecimal("14925"), "JPY", conversions);
		}
		assertThat(reads).hasValue(2);
		assertThat(new Conversions(RATES).toReporting(new BigDecimal("14900"), "JPY"))
			.contains(new BigDecimal("99.83"));
	}

}
