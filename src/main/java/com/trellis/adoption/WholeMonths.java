package com.trellis.adoption;

import java.time.LocalDate;

/**
 * The whole calendar months inside a period of days [from, until): from the first day of
 * the first month that starts on or after {@code from} to the first day of the month of
 * {@code until} (exclusive), both first days of a month. Empty ({@code from == until},
 * both the period's first day) when no whole month fits. A period's days are these
 * months' days and the days outside them, which lie in its partial first and last months.
 *
 * @param from the first whole month's first day
 * @param until the first day after the last whole month
 */
record WholeMonths(LocalDate from, LocalDate until) {

	static WholeMonths within(LocalDate from, LocalDate until) {
		var first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		var end = until.withDayOfMonth(1);
		return first.isBefore(end) ? new WholeMonths(first, end) : new WholeMonths(from, from);
	}

}
