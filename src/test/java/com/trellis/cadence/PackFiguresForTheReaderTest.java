package com.trellis.cadence;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class PackFiguresForTheReaderTest {

	@AfterEach
	void nobodyReads() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aGermanReaderReadsThePacksPercentagesCountsAndAmountsInTheirOwnFormat() {
		LocaleContextHolder.setLocale(Locale.GERMANY);

		assertThat(Pack.Column.percent("Win rate").format(new BigDecimal("45.75"))).isEqualTo("45,8 %");
		assertThat(Pack.Column.percent("Growth").format(new BigDecimal("1234.5"))).isEqualTo("1.234,5 %");
		assertThat(Pack.Column.count("Deals").format(12345)).isEqualTo("12.345");
		assertThat(Pack.Column.number("Days").format(new BigDecimal("20.5"))).isEqualTo("20,5");
		assertThat(Pack.Column.money("Pipeline").format(new BigDecimal("4762474.8"))).isEqualTo("4.762.474,80");
	}

	@Test
	void withNobodyReadingThePackKeepsTheProgramsGrouping() {
		assertThat(Pack.Column.percent("Win rate").format(new BigDecimal("45.75"))).isEqualTo("45.8 %");
		assertThat(Pack.Column.count("Deals").format(12345)).isEqualTo("12,345");
		assertThat(Pack.Column.money("Pipeline").format(new BigDecimal("4762474.8"))).isEqualTo("4,762,474.80");
	}

}
