package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredFiguresTest {

	@Test
	void figuresStoredAsPartsReadInEachReadersOwnFormat() {
		var stored = "rebate: " + StoredFigures.percent(new BigDecimal("2.250")) + " of "
				+ StoredFigures.money(new BigDecimal("1234567.5"), "USD") + ", "
				+ StoredFigures.money(new BigDecimal("12345"), "JPY");

		assertThat(StoredFigures.render(stored, Locale.US)).isEqualTo("rebate: 2.25 % of USD 1,234,567.50, JPY 12,345");
		assertThat(StoredFigures.render(stored, Locale.GERMANY))
			.isEqualTo("rebate: 2,25 % of USD 1.234.567,50, JPY 12.345");
	}

	@Test
	void aWholeRateReadsWithOneDecimalAndATextStoredBeforeReadsAsItWasStored() {
		assertThat(StoredFigures.render(StoredFigures.percent(new BigDecimal("20")), Locale.GERMANY))
			.isEqualTo("20,0 %");
		assertThat(StoredFigures.render("referral bonus: 10% of USD 12345.60 {sourced}", Locale.GERMANY))
			.isEqualTo("referral bonus: 10% of USD 12345.60 {sourced}");
		assertThat(StoredFigures.render(null, Locale.GERMANY)).isNull();
	}

	@Test
	void numbersAndSignedNumbersKeepTheirDecimalsAndReadInTheReadersNotationWhateverTheJvmDefault() {
		var stored = StoredFigures.signed(-2.345, 1) + " and " + StoredFigures.signed(1.25, 2) + " points, p = "
				+ StoredFigures.number(0.04999, 2) + ", " + StoredFigures.count(12045) + " events, "
				+ StoredFigures.number(new BigDecimal("1234.50"));
		var before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertThat(StoredFigures.render(stored, Locale.US))
				.isEqualTo("-2.3 and +1.25 points, p = 0.05, 12,045 events, 1,234.50");
			assertThat(StoredFigures.render(stored, Locale.GERMANY))
				.isEqualTo("-2,3 and +1,25 points, p = 0,05, 12.045 events, 1.234,50");
		}
		finally {
			Locale.setDefault(before);
		}
		assertThat(StoredFigures.number(Double.NaN, 1)).isEqualTo("NaN");
	}

	/**
	 * low31: free text embedded in a stored text (a dispute reason, a name) reads exactly
	 * as written beside real parts; a literal part in it read as a figure before.
	 */
	@Test
	void freeTextHoldingPartsOrALoneBraceReadsAsWrittenBesideRealParts() {
		var stored = "at " + StoredFigures.percent(new BigDecimal("25")) + ". "
				+ StoredFigures.text("{percent:5} {{x}} and a lone {") + StoredFigures.count(1204);
		assertThat(StoredFigures.render(stored, Locale.GERMANY))
			.isEqualTo("at 25,0 %. {percent:5} {{x}} and a lone {1.204");
		assertThat(StoredFigures.render(StoredFigures.text("{"), Locale.US)).isEqualTo("{");
		assertThat(StoredFigures.text(null)).isNull();
	}

}
