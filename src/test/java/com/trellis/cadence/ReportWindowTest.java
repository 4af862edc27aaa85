package com.trellis.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWindowTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate Q4 = LocalDate.parse("2026-10-01");

	private static final LocalDate WEEK_10 = LocalDate.parse("2026-12-03");

	@Test
	void aWeekAlreadyReachedCoversTheQuarterUpToItsStart() {
		var window = ReportWindow.of(Q4, WEEK_10, Instant.parse("2026-12-10T10:00:00Z"), BERLIN);
		assertThat(window.capped()).isFalse();
		assertThat(window.days()).isEqualTo(63);
		assertThat(window.lastDay()).isEqualTo(LocalDate.parse("2026-12-02"));
		assertThat(window.note()).isEqualTo("2026-10-01 to 2026-12-02");
	}

	@Test
	void onDayThirtyTheWindowEndsNowAndSaysSo() {
		var now = Instant.parse("2026-10-30T10:00:00Z");
		var window = ReportWindow.of(Q4, WEEK_10, now, BERLIN);
		assertThat(window.capped()).isTrue();
		assertThat(window.end()).isEqualTo(now);
		assertThat(window.days()).isEqualTo(30);
		assertThat(window.note()).contains("to today, 2026-10-30").contains("capped at today");
	}

	@Test
	void anEarlierQuarterIsComparedOverTheSameElapsedTime() {
		var window = ReportWindow.of(Q4, WEEK_10, Instant.parse("2026-10-30T10:00:00Z"), BERLIN);
		var q3 = LocalDate.parse("2026-07-01").atStartOfDay(BERLIN).toInstant();
		// Q4 has run 29 days and 12 hours (1 October 00:00 in Berlin, summer time, is
		// 30 September 22:00 UTC); the same time after 1 July 00:00 in Berlin
		assertThat(window.sameElapsedFrom(q3)).isEqualTo(Instant.parse("2026-07-30T10:00:00Z"));
	}

	@Test
	void aQuarterNotStartedHasNothingToReport() {
		var window = ReportWindow.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-05"),
				Instant.parse("2026-10-30T10:00:00Z"), BERLIN);
		assertThat(window.started()).isFalse();
		assertThat(window.note()).startsWith("nothing yet");
	}

}
