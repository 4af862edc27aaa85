package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/**
	 * One to three digits, a single separator and exactly three digits: for a reader
	 * whose locale marks decimals with a comma the comma (and the point, where the locale
	 * does not group with it) could mean thousands or a decimal, and is refused naming
	 * both readings; every unambiguous way of writing stays read as before.
	 */
	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			de-DE | 1,500         | AMBIGUOUS 1,500 is ambiguous: write 1.500 for thousands or 1,5 for a decimal
			de-DE | -12,250       | AMBIGUOUS -12,250 is ambiguous: write -12.250 for thousands or -12,25 for a decimal
			de-DE | 999,000       | AMBIGUOUS 999,000 is ambiguous: write 999.000 for thousands or 999,0 for a decimal
			de-DE | 1.500         | 1500
			de-DE | 1.500,00      | 1500
			de-DE | 1,5           | 1.5
			de-DE | 1,50          | 1.5
			de-DE | 1,5000        | 1.5
			de-DE | 0,500         | 0.5
			de-DE | 1500,000      | 1500
			de-DE | 1.250.000,50  | 1250000.50
			de-DE | 75000         | 75000
			fr-FR | 1,500         | AMBIGUOUS 1,500 is ambiguous: write 1 500 for thousands or 1,5 for a decimal
			fr-FR | 1.500         | AMBIGUOUS 1.500 is ambiguous: write 1 500 for thousands or 1,5 for a decimal
			fr-FR | 1 500,25      | 1500.25
			fr-FR | 1,25          | 1.25
			fr-FR | 12,5          | 12.5
			sv-SE | 2,125         | AMBIGUOUS 2,125 is ambiguous: write 2 125 for thousands or 2,125 for a decimal
			sv-SE | 2,1250        | 2.125
			en-US | 1,500         | 1500
			en-US | 1.500         | 1.5
			en-US | 1.085         | 1.085
			en-US | 1,250,000.50  | 1250000.50
			en-US | 0.125         | 0.125
			en-GB | 1,500         | 1500
			""")
	void aSingleSeparatorBeforeExactlyThreeDigitsIsRefusedWhereItCouldMeanEitherReading(String locale, String typed,
			String expected) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag(locale));
		try {
			if (expected.startsWith("AMBIGUOUS ")) {
				assertThatThrownBy(() -> GroupedAmounts.Editor.read(typed)).isInstanceOf(GroupedAmounts.Ambiguous.class)
					.hasMessage(expected.substring("AMBIGUOUS ".length()));
				assertThatThrownBy(() -> read(typed)).isInstanceOf(IllegalArgumentException.class);
				var fields = new FormFields();
				fields.decimal("amount", typed);
				var refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
						() -> fields.check(() -> {
						}));
				assertThat(refused.errors()).singleElement().satisfies(error -> {
					assertThat(error.field()).isEqualTo("amount");
					assertThat(error.message()).isEqualTo(expected.substring("AMBIGUOUS ".length()));
				});
			}
			else {
				assertThat(read(typed)).isEqualByComparingTo(expected);
			}
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
