package com.trellis.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import com.trellis.shared.WorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTest {

	private static final WorkingDays UTC_NO_HOLIDAYS = new WorkingDays(ZoneOffset.UTC, Set.of());

	private static final WorkingDays US_CHRISTMAS_AND_NEW_YEAR = new WorkingDays(ZoneOffset.UTC,
			Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")));

	@ParameterizedTest(name = "{0} + {1} business days = {2}")
	@CsvSource({ "2026-11-23T09:30:00Z, 2, 2026-11-25T09:30:00Z", // Monday → Wednesday
			"2026-11-27T16:00:00Z, 2, 2026-12-01T16:00:00Z", // Friday → Tuesday
			"2026-11-26T10:00:00Z, 1, 2026-11-27T10:00:00Z", // Thursday → Friday
			"2026-11-28T10:00:00Z, 2, 2026-12-02T00:00:00Z", // Saturday counts from
																// Monday morning
			"2026-11-22T12:00:00Z, 2, 2026-11-25T00:00:00Z" }) // Sunday likewise
	void skipsWeekends(String start, int days, String due) {
		assertThat(BusinessDays.add(Instant.parse(start), days, UTC_NO_HOLIDAYS)).isEqualTo(Instant.parse(due));
	}

	@Test
	void aTwoDaySlaFromThursdayTwentyFourthOfDecemberIsDueOnTuesdayNotOnChristmasMonday() {
		assertThat(BusinessDays.add(Instant.parse("2026-12-24T10:00:00Z"), 2, US_CHRISTMAS_AND_NEW_YEAR))
			.isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
	}

	@Test
	void aSlaAcrossNewYearSkipsTheFirstOfJanuary() {
		// Wednesday 30 December + 2: Thursday 31, (Friday 1 January off), Monday 4
		assertThat(BusinessDays.add(Instant.parse("2026-12-30T15:00:00Z"), 2, US_CHRISTMAS_AND_NEW_YEAR))
			.isEqualTo(Instant.parse("2027-01-04T15:00:00Z"));
	}

	@Test
	void aRegistrationSubmittedOnAHolidayStartsCountingOnTheNextBusinessDay() {
		assertThat(BusinessDays.add(Instant.parse("2026-12-25T10:00:00Z"), 1, US_CHRISTMAS_AND_NEW_YEAR))
			.isEqualTo(Instant.parse("2026-12-29T00:00:00Z"));
	}

	@Test
	void theDayOfTheWeekIsTheBusinessZonesNotUtcs() {
		// Friday 19:30 in New York is already Saturday in UTC; one business day later is
		// Monday 19:30 New York time
		var newYork = new WorkingDays(ZoneId.of("America/New_York"), Set.of());
		assertThat(BusinessDays.add(Instant.parse("2026-11-21T00:30:00Z"), 1, newYork))
			.isEqualTo(Instant.parse("2026-11-24T00:30:00Z"));
	}

}
