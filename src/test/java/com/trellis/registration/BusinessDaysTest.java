package com.trellis.registration;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTest {

	@ParameterizedTest(name = "{0} + {1} business days = {2}")
	@CsvSource({ "2026-11-23T09:30:00Z, 2, 2026-11-25T09:30:00Z", // Monday → Wednesday
			"2026-11-27T16:00:00Z, 2, 2026-12-01T16:00:00Z", // Friday → Tuesday
			"2026-11-26T10:00:00Z, 1, 2026-11-27T10:00:00Z", // Thursday → Friday
			"2026-11-28T10:00:00Z, 2, 2026-12-02T00:00:00Z", // Saturday counts from
																// Monday morning
			"2026-11-22T12:00:00Z, 2, 2026-11-25T00:00:00Z" }) // Sunday likewise
	void skipsWeekends(String start, int days, String due) {
		assertThat(BusinessDays.add(Instant.parse(start), days)).isEqualTo(Instant.parse(due));
	}

}
