package com.trellis.shared;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypedAmountsTest {

	/**
	 * One to three digits, a comma (or a point where the locale does not group with one)
	 * and exactly three digits: ambiguous for a comma-decimal reader in a currency of
	 * fewer than three decimals, read as typed in one of three (a decimal it can have);
	 * every other writing, and every reader who marks decimals with a point, as before.
	 */
	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					de-DE | 1,500    | EUR | 1,500 is ambiguous: write 1500 or 1.500 for the thousands, or 1,5 for the decimal (EUR has 2 decimals)
					de-DE | -12,250  | USD | -12,250 is ambiguous: write -12250 or -12.250 for the thousands, or -12,25 for the decimal (USD has 2 decimals)
					de-DE | 2,000    | EUR | 2,000 is ambiguous: write 2000 or 2.000 for the thousands, or 2,0 for the decimal (EUR has 2 decimals)
					de-DE | 1,125    | EUR | 1,125 is ambiguous: write 1125 or 1.125 for the thousands (EUR has 2 decimals, not 3)
					de-DE | 1,500    | JPY | 1,500 is ambiguous: write 1500 or 1.500 for the thousands (JPY has no decimals)
					de-DE | 567,125  | KWD | -
					de-DE | 1,500    | BHD | -
					de-DE | 1.500    | EUR | -
					de-DE | 1,5      | EUR | -
					de-DE | 1,50     | EUR | -
					de-DE | 0,500    | EUR | -
					de-DE | 1500,000 | EUR | -
					de-DE | 1.500,00 | EUR | -
					de-DE | 1,500    | XYZ | -
					de-DE | 1.5000   | GBP | 1.5000 is ambiguous: a point groups thousands in threes in your notation (1.500 is fifteen hundred); write 15.000 or 1.500 for the thousands, or 1,5 for the decimal
					de-DE | -12.50000 | EUR | -12.50000 is ambiguous: a point groups thousands in threes in your notation (1.500 is fifteen hundred); write -1.250.000 or -12.500 for the thousands, or -12,5 for the decimal
					de-DE | 77.50    | EUR | -
					fr-FR | 1,500    | EUR | 1,500 is ambiguous: write 1500 for the thousands, or 1,5 for the decimal (EUR has 2 decimals)
					fr-FR | 1.500    | EUR | 1.500 is ambiguous: write 1500 for the thousands, or 1,5 for the decimal (EUR has 2 decimals)
					sv-SE | 2,125    | SEK | 2,125 is ambiguous: write 2125 for the thousands (SEK has 2 decimals, not 3)
					en-US | 1,500    | USD | -
					en-US | 1.500    | USD | -
					en-GB | 1,500    | GBP | -
					""")
	void aCommaDecimalReadersOneCommaThreeDigitsIsAmbiguousInACurrencyOfFewerThanThreeDecimals(String locale,
			String typed, String currency, String expected) {
		var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag(locale));
		assertThat(TypedAmounts.ambiguity(typed, currency, symbols).orElse(null)).isEqualTo(expected);
	}

}
