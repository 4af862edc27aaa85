package com.trellis.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceValuesTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void salesforceMomentsKeepTheirOffsetAndMomentsWithoutOneAreInTheExportsZone() {
		assertThat(SourceValues.moment("2024-03-05T14:22:10.000+0000", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T14:22:10Z"));
		assertThat(SourceValues.moment("2024-03-05T14:22:10Z", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T14:22:10Z"));
		assertThat(SourceValues.moment("2024-03-05 14:22", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T13:22:00Z"));
		assertThat(SourceValues.moment("05.03.2024", BERLIN).refusal()).contains("is not a date and time");
	}

	@Test
	void aDayOrHourTheCalendarDoesNotHaveIsRefusedNotMovedToTheNearestOne() {
		// s55: each was kept as another day (2025-02-28, 2025-01-02 00:00, 2025-04-30)
		for (var impossible : new String[] { "2025-02-30T10:00:00.000+0000", "2025-02-29 10:00", "2025-04-31T10:00:00Z",
				"2026-02-30 10:00", "2025-02-31T09:00:00+01:00", "2025-13-01 10:00", "2025-02-30" }) {
			assertThat(SourceValues.moment(impossible, BERLIN).refusal()).as(impossible)
				.isEqualTo("'" + impossible + "' names no day of the calendar");
		}
		assertThat(SourceValues.moment("2025-01-01T24:00:00.000+0000", BERLIN).refusal())
			.contains("is not a date and time");
		assertThat(SourceValues.day("2025-02-30").refusal()).isEqualTo("'2025-02-30' names no day of the calendar");
		assertThat(SourceValues.moment("2024-02-29 10:00", BERLIN).value())
			.isEqualTo(Instant.parse("2024-02-29T09:00:00Z"));
		assertThat(SourceValues.moment("2024-02-29T23:59:59.999+0000", BERLIN).value())
			.isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
	}

	@Test
	void theMomentsReadByHandAreTheOnesTheFormattersRead() {
		assertThat(SourceValues.moment("2024-03-05T14:22:10.250-0130", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T15:52:10.250Z"));
		assertThat(SourceValues.moment("2024-03-05T14:22:10+05:30", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T08:52:10Z"));
		// forms the hand reading leaves to the formatters
		assertThat(SourceValues.moment("2024-03-05T14:22:10.123456Z", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T14:22:10.123456Z"));
		assertThat(SourceValues.moment("2024-03-05T14:22Z", BERLIN).value())
			.isEqualTo(Instant.parse("2024-03-05T14:22:00Z"));
		assertThat(SourceValues.moment("2023-02-30T10:00:00.000+0000", BERLIN).refusal())
			.contains("names no day of the calendar");
		assertThat(SourceValues.moment("2024-03-05T25:22:10Z", BERLIN).refusal()).contains("is not a date and time");
		assertThat(SourceValues.moment("2024-03-05T14:22:10+1900", BERLIN).refusal())
			.contains("is not a date and time");
	}

	@Test
	void daysAreIsoAndOthersAreRefusedSayingHowToWriteThem() {
		assertThat(SourceValues.day("2025-06-30").value()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(SourceValues.day("").value()).isNull();
		assertThat(SourceValues.day("30/06/2025").refusal())
			.isEqualTo("'30/06/2025' is not a date; write it as yyyy-MM-dd, e.g. 2024-06-30");
	}

	@Test
	void amountsWithACommaDecimalAreRefusedAsSuch() {
		assertThat(SourceValues.amount("12500.5").value()).isEqualByComparingTo("12500.50");
		assertThat(SourceValues.amount("1234.567").value()).isEqualByComparingTo("1234.567");
		assertThat(SourceValues.amount("12500,50").refusal()).contains("is an amount with a comma decimal");
		assertThat(SourceValues.amount("1.250,50").refusal()).contains("is an amount with a comma decimal");
		assertThat(SourceValues.amount("12,500.50").refusal()).contains("is not an amount");
		assertThat(SourceValues.amount(" ").value()).isNull();
		assertThat(SourceValues.amount("-0.5").value()).isEqualByComparingTo("-0.5");
		assertThat(SourceValues.amount("1.").refusal()).contains("is not an amount");
		assertThat(SourceValues.amount(".5").refusal()).contains("is not an amount");
		assertThat(SourceValues.amount("١٢").refusal()).contains("is not an amount");
	}

	@Test
	void currenciesAreIsoCodesWhateverTheirDecimals() {
		assertThat(SourceValues.currency("eur").value()).isEqualTo("EUR");
		assertThat(SourceValues.currency("EUX").refusal()).startsWith("unknown currency 'EUX'");
		assertThat(SourceValues.currency("bhd").value()).isEqualTo("BHD");
		assertThat(SourceValues.currency("XXX").refusal()).startsWith("unknown currency 'XXX'");
	}

	@Test
	void aLineIsRefusedWithALineBreakOrABidiControlOrWhenTooLong() {
		assertThat(SourceValues.line("Tokyo Branch", 200).value()).isEqualTo("Tokyo Branch");
		assertThat(SourceValues.line("Tokyo\nBranch", 200).refusal()).isEqualTo("must be a single line");
		assertThat(SourceValues.line("Evil\u202Egnp.exe", 200).refusal())
			.isEqualTo("must not contain control characters (found U+202E)");
		assertThat(SourceValues.line("x".repeat(61), 60).refusal()).startsWith("must be at most 60 characters");
		assertThat(SourceValues.line(" ", 60).value()).isNull();
	}

	@Test
	void aWebsiteGivesItsBareDomainOrNone() {
		assertThat(SourceValues.domain("https://www.Acme-Corp.com/about")).isEqualTo("acme-corp.com");
		assertThat(SourceValues.domain("initech.io")).isEqualTo("initech.io");
		assertThat(SourceValues.domain("n/a")).isNull();
		assertThat(SourceValues.domain("HTTP://www.Example.org:8080/x")).isEqualTo("example.org");
		assertThat(SourceValues.domain("example.org:80:90")).isNull();
		assertThat(SourceValues.domain("h2://www.example.org")).isNull();
		assertThat(SourceValues.domain(".io")).isNull();
		assertThat(SourceValues.domain("example.c0m")).isNull();
	}

}
