package com.trellis.registration;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Adds business days (Monday to Friday, in UTC) to an instant: a registration submitted
 * on a Friday afternoon with a two-day SLA is due on Tuesday afternoon.
 */
final class BusinessDays {

	private BusinessDays() {
	}

	static Instant add(Instant start, int days) {
		var time = start.atZone(ZoneOffset.UTC);
		while (time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY) {
			time = time.plusDays(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
		}
		int added = 0;
		while (added < days) {
			time = time.plusDays(1);
			if (time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return time.toInstant();
	}

}
