package com.trellis.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTests {

	private final Figures figures = new Figures(ZoneId.of("Europe/Berlin"));

	@Test
	void countsAndDaysReadWithoutDecimalsAndLargeFiguresAreGrouped() {
		assertThat(this.figures.count(new BigDecimal("12.00"))).isEqualTo("12");
		assertThat(this.figures.count(new BigDecimal("202.00"))).isEqualTo("202");
		assertThat(this.figures.count(new BigDecimal("67.45"))).isEqualTo("67.5");
		assertThat(this.figures.decimal(new BigDecimal("4762474.80"))).isEqualTo("4,762,474.80");
		assertThat(this.figures.kpi(new BigDecimal("4762474.80"), "MONEY", "USD")).contains("4,762,474.80");
		assertThat(this.figures.kpi(new BigDecimal("4.00"), "COUNT", null)).isEqualTo("4");
	}

	@Test
	void aMomentReadsAsADateAndTimeInTheBusinessZone() {
		assertThat(this.figures.moment(Instant.parse("2026-11-30T12:09:11.978148614Z"))).isEqualTo("2026-11-30 13:09");
	}

	/** A deadline at midnight reads as the end of the day before (try01). */
	@Test
	void aDeadlineAtMidnightReadsAsTheEndOfTheDayBefore() {
		assertThat(this.figures.deadline(Instant.parse("2026-12-08T23:00:00Z"))).isEqualTo("end of 2026-12-08");
		assertThat(this.figures.deadline(Instant.parse("2026-12-08T12:30:00Z"))).isEqualTo("2026-12-08 13:30");
	}

	@Test
	void aReaderInGermanyInTokyoReadsGermanNumbersAndTokyoTimes() {
		LocaleContextHolder
			.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(Locale.GERMANY, TimeZone.getTimeZone("Asia/Tokyo")));
		assertThat(this.figures.decimal(new BigDecimal("4762474.80"))).isEqualTo("4.762.474,80");
		assertThat(this.figures.count(new BigDecimal("1234.00"))).isEqualTo("1.234");
		assertThat(this.figures.kpi(new BigDecimal("75000"), "MONEY", "EUR")).isEqualTo("EUR 75.000,00");
		assertThat(this.figures.moment(Instant.parse("2026-11-30T20:09:00Z"))).isEqualTo("2026-12-01 05:09");
		assertThat(this.figures.date(Instant.parse("2026-11-30T20:09:00Z"))).isEqualTo("2026-12-01");
		assertThat(new MoneyFormat().format(new BigDecimal("1234.5"), "USD")).isEqualTo("USD 1.234,50");
		// texts stored for everyone keep the program's one notation
		assertThat(MoneyFormat.of(new BigDecimal("1234.5"), "USD")).isEqualTo("USD 1,234.50");
	}

	@Test
	void aGermanReaderReadsScoresAndTheirMovesWithOneDecimalCommaAndASign() {
		LocaleContextHolder
			.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(Locale.GERMANY, TimeZone.getTimeZone("UTC")));
		assertThat(this.figures.points(new BigDecimal("94.2"))).isEqualTo("94,2");
		assertThat(this.figures.points(new BigDecimal("80"))).isEqualTo("80,0");
		assertThat(this.figures.points(new BigDecimal("1234.56"))).isEqualTo("1.234,6");
		assertThat(this.figures.signedPoints(new BigDecimal("0.6"))).isEqualTo("+0,6");
		assertThat(this.figures.signedPoints(new BigDecimal("-0.1"))).isEqualTo("-0,1");
		assertThat(this.figures.signedPoints(BigDecimal.ZERO)).isEqualTo("0,0");
		assertThat(this.figures.points(null)).isEqualTo("—");
		LocaleContextHolder.resetLocaleContext();
		assertThat(this.figures.signedPoints(new BigDecimal("3.25"))).isEqualTo("+3.3");
	}

	@AfterEach
	void nobodyReads() {
		LocaleContextHolder.resetLocaleContext();
	}

}
