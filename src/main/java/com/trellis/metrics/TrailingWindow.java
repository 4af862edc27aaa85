package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A trailing window [start, end) split for the daily facts: the whole business days
 * inside it ({@code firstDay} up to but excluding {@code untilDay}, read from the facts)
 * and the two partial days at its edges, [start, wholeFrom) and [wholeUntil, end) (read
 * from the deals themselves), so that "won in the 90 days before now" stays exact to the
 * moment while reading at most two days of deals.
 */
record TrailingWindow(Instant start, Instant wholeFrom, Instant wholeUntil, Instant end, LocalDate firstDay,
		LocalDate untilDay) {

	static TrailingWindow of(Instant start, Instant end, ZoneId zone) {
		var startDay = LocalDate.ofInstant(start, zone);
		var wholeFrom = startDay.atStartOfDay(zone).toInstant().equals(start) ? start
				: startDay.plusDays(1).atStartOfDay(zone).toInstant();
		var wholeUntil = LocalDate.ofInstant(end, zone).atStartOfDay(zone).toInstant();
		if (wholeFrom.isAfter(wholeUntil)) {
			// shorter than a day: all of it is an edge
			return new TrailingWindow(start, end, end, end, LocalDate.ofInstant(end, zone),
					LocalDate.ofInstant(end, zone));
		}
		return new TrailingWindow(start, wholeFrom, wholeUntil, end, LocalDate.ofInstant(wholeFrom, zone),
				LocalDate.ofInstant(wholeUntil, zone));
	}

}
