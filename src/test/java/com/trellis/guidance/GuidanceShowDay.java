package com.trellis.guidance;

import java.time.Instant;
import java.time.LocalDate;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day a test shows a recommendation on, so that it is in the person's list: the list
 * is the latest guidance run's, and other test classes may have run guidance at a later
 * clock; without a run today or later, a run is recorded today.
 */
final class GuidanceShowDay {

	private GuidanceShowDay() {
	}

	static LocalDate of(JdbcClient jdbc, GuidanceStore store, BusinessCalendar calendar) {
		var latest = jdbc.sql("SELECT max(day) FROM guidance_run")
			.query(java.sql.Date.class)
			.optional()
			.map(java.sql.Date::toLocalDate)
			.filter(day -> !day.isBefore(calendar.today()));
		if (latest.isEmpty()) {
			store.recordRun(calendar.today(), 1, Instant.now());
		}
		return latest.orElse(calendar.today());
	}

}
