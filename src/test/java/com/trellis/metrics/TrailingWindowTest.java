package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrailingWindowTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aWindowEndingMidDayReadsWholeDaysFromTheFactsAndTheTwoPartialDaysFromTheDeals() {
		var window = TrailingWindow.of(Instant.parse("2026-08-24T10:00:00Z"), Instant.parse("2026-11-22T11:00:00Z"),
				BERLIN);
		assertThat(window.firstDay()).isEqualTo(LocalDate.of(2026, 8, 25));
		assertThat(window.untilDay()).isEqualTo(LocalDate.of(2026, 11, 22));
		assertThat(window.wholeFrom()).isEqualTo(Instant.parse("2026-08-24T22:00:00Z"));
		assertThat(window.wholeUntil()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
	}

	@Test
	void aWindowOfWholeDaysHasNoPartialDays() {
		var window = TrailingWindow.of(Instant.parse("2026-08-31T22:00:00Z"), Instant.parse("2026-11-29T23:00:00Z"),
				BERLIN);
		assertThat(window.wholeFrom()).isEqualTo(window.start());
		assertThat(window.wholeUntil()).isEqualTo(window.end());
		assertThat(window.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(window.untilDay()).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aWindowShorterThanADayIsAllEdge() {
		var window = TrailingWindow.of(Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T11:00:00Z"),
				BERLIN);
		assertThat(window.firstDay()).isEqualTo(window.untilDay());
		assertThat(window.wholeFrom()).isEqualTo(window.end());
	}

}
