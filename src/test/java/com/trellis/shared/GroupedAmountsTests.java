package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedAmountsTests {

	@Test
	void anAmountTypedWithThousandsSeparatorsIsReadAsTheNumberItShows() {
		assertThat(read("75,000")).isEqualByComparingTo("75000");
		assertThat(read("1,250,000.50")).isEqualByComparingTo("1250000.50");
		assertThat(read(" 75000.00 ")).isEqualByComparingTo("75000");
		assertThat(read("")).isNull();
	}

	@Test
	void commasThatDoNotGroupThousandsAreRefusedNotGuessed() {
		assertThatThrownBy(() -> read("75,5")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> read("7,50,000")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aReaderWhoseLocaleWritesDecimalCommasTypesAmountsTheirWay() {
		LocaleContextHolder.setLocale(Locale.GERMANY);
		try {
			assertThat(read("75.000")).isEqualByComparingTo("75000");
			assertThat(read("1.250.000,50")).isEqualByComparingTo("1250000.50");
			assertThat(read("75000,5")).isEqualByComparingTo("75000.5");
			assertThatThrownBy(() -> read("7.50.000")).isInstanceOf(IllegalArgumentException.class);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sv-SE"));
		try {
			assertThat(read("75\u00a0000,25")).isEqualByComparingTo("75000.25");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private static BigDecimal read(String text) {
		var editor = new GroupedAmounts.Editor();
		editor.setAsText(text);
		return (BigDecimal) editor.getValue();
	}

}
