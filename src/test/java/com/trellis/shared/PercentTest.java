package com.trellis.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scale for every percentage: one decimal, half up, rounded once from full precision.
 */
class PercentTest {

	@Test
	void aShareIsRoundedOnceHalfUpToOneDecimal() {
		// 5 of 11 won: 45.4545… reads 45.5, never 45.45
		assertThat(Percent.of(new BigDecimal("5"), new BigDecimal("11"))).isEqualTo("45.5");
		// 45.349… is 45.3; rounding first to 45.35 would have made it 45.4
		assertThat(Percent.round(new BigDecimal("45.3499"))).isEqualTo("45.3");
		assertThat(Percent.round(new BigDecimal("45.75"))).isEqualTo("45.8");
		assertThat(Percent.of(BigDecimal.ONE, BigDecimal.ONE)).isEqualTo("100.0");
		assertThat(Percent.of(BigDecimal.ZERO, BigDecimal.TEN)).isEqualTo("0.0");
	}

	@Test
	void thereIsNoShareOfNothingAndAProbabilityReadsAsAPercentage() {
		assertThat(Percent.of(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(Percent.ofFraction(new BigDecimal("0.4575"))).isEqualTo("45.8");
		assertThat(Percent.text(new BigDecimal("45.75"))).isEqualTo("45.8 %");
		assertThat(Percent.text(null)).isEmpty();
	}

	/**
	 * The kept formats answer what a format made for each percentage answered (the former
	 * code), in several locales, on several threads at once and call after call.
	 */
	@Test
	void aPercentageReadsInItsReadersLocaleOnEveryThreadAndAtEveryCall() throws Exception {
		var values = java.util.List.of(new BigDecimal("45.375"), new BigDecimal("1234.56"), new BigDecimal("-0.04"),
				new BigDecimal("-12345.65"), new BigDecimal("100"), new BigDecimal("0"));
		var locales = java.util.List.of(java.util.Locale.US, java.util.Locale.GERMANY, java.util.Locale.FRANCE,
				java.util.Locale.forLanguageTag("de-CH"), java.util.Locale.forLanguageTag("hi-IN"));
		assertThat(Percent.text(new BigDecimal("1234.56"), java.util.Locale.GERMANY)).isEqualTo("1.234,6 %");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<String>>>();
			for (int task = 0; task < 40; task++) {
				answers.add(pool.submit(() -> {
					var wrong = new java.util.ArrayList<String>();
					for (int round = 0; round < 50; round++) {
						for (var locale : locales) {
							for (var value : values) {
								var former = new java.text.DecimalFormat("#,##0.0",
										java.text.DecimalFormatSymbols.getInstance(locale))
									.format(Percent.round(value)) + " %";
								if (!Percent.text(value, locale).equals(former)) {
									wrong.add(locale + " " + value + ": " + Percent.text(value, locale));
								}
							}
						}
					}
					return wrong;
				}));
			}
			for (var answer : answers) {
				assertThat(answer.get()).isEmpty();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(Percent.text(null, java.util.Locale.US)).isEmpty();
	}

}
