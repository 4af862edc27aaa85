package com.trellis.shared;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Business days in the vendor's zone: Monday to Friday except holidays. Adding business
 * days to a moment keeps its time of day; a moment on a weekend or holiday starts
 * counting at midnight of the next business day. So a two-day SLA from Thursday 24
 * December 10:00 with 25 December a holiday is due on Tuesday 29 December 10:00.
 *
 * @param zone the business time zone
 * @param holidays the holidays of the days the calculation may reach
 */
public record WorkingDays(ZoneId zone, Set<LocalDate> holidays) {

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.contains(day);
	}

	/** The day itself when it is a working day, otherwise the next one. */
	public LocalDate onOrAfter(LocalDate day) {
		var result = day;
		while (!isWorkingDay(result)) {
			result = result.plusDays(1);
		}
		return result;
	}

	public Instant add(Instant start, int days) {
		var time = start.atZone(this.zone);
		if (!isWorkingDay(time.toLocalDate())) {
			time = onOrAfter(time.toLocalDate()).atStartOfDay(this.zone);
		}
		int added = 0;
		var day = time.toLocalDate();
		while (added < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				added++;
			}
		}
		return day.atTime(time.toLocalTime()).atZone(this.zone).toInstant();
	}

}
