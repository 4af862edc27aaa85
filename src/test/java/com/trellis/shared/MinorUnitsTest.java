package com.trellis.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinorUnitsTest {

	@Test
	void eachCurrencyHasItsOwnMinorUnit() {
		assertThat(MinorUnits.of("JPY")).isZero();
		assertThat(MinorUnits.of("USD")).isEqualTo(2);
		assertThat(MinorUnits.of("BHD")).isEqualTo(3);
		assertThat(MinorUnits.of("KWD")).isEqualTo(3);
	}

	@Test
	void aTenPercentShareOfJpy12345IsJpy1235() {
		assertThat(MinorUnits.percentOf(new BigDecimal("12345"), BigDecimal.TEN, "JPY")).isEqualTo("1235");
		assertThat(MinorUnits.percentOf(new BigDecimal("12345"), new BigDecimal("5"), "JPY")).isEqualTo("617");
		assertThat(MinorUnits.percentOf(new BigDecimal("12.345"), BigDecimal.TEN, "BHD")).isEqualTo("1.235");
		assertThat(MinorUnits.percentOf(new BigDecimal("12345.65"), BigDecimal.TEN, "USD")).isEqualTo("1234.57");
	}

	@Test
	void halvesRoundAwayFromZeroAsPostgresqlDoes() {
		assertThat(MinorUnits.round(new BigDecimal("2.5"), "JPY")).isEqualTo("3");
		assertThat(MinorUnits.round(new BigDecimal("-2.5"), "JPY")).isEqualTo("-3");
		assertThat(MinorUnits.round(new BigDecimal("0.125"), "USD")).isEqualTo("0.13");
		assertThat(MinorUnits.round(new BigDecimal("1.0005"), "KWD")).isEqualTo("1.001");
		assertThat(new Money(new BigDecimal("1234.5"), java.util.Currency.getInstance("JPY")).amount())
			.isEqualTo("1235");
	}

	@Test
	void aConversionIsRoundedOnceInTheTargetCurrency() {
		// GBP 10.01 at 1.27 is USD 12.7127: USD 12.71
		assertThat(MinorUnits.convert(new BigDecimal("10.01"), new BigDecimal("1.27"), BigDecimal.ONE, "USD"))
			.isEqualTo("12.71");
		// EUR 100.00 into JPY at EUR 1.08 and JPY 0.0067 (USD per unit): JPY 16,119
		assertThat(
				MinorUnits.convert(new BigDecimal("100.00"), new BigDecimal("1.08"), new BigDecimal("0.0067"), "JPY"))
			.isEqualTo("16119");
	}

	@Test
	void amountsAreShownInTheirCurrencysMinorUnit() {
		var money = new MoneyFormat();
		assertThat(money.format(new BigDecimal("1234.50"), "JPY")).isEqualTo("JPY 1,235");
		assertThat(money.format(new BigDecimal("1234567.5"), "USD")).isEqualTo("USD 1,234,567.50");
		assertThat(money.format(new BigDecimal("1.2345"), "BHD")).isEqualTo("BHD 1.235");
	}

}
