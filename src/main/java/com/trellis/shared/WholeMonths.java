package com.trellis.shared;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole calendar months inside a period of days [from, until): from the first day of
 * the first month that starts on or after {@code from} to the first day of the month of
 * {@code until} (exclusive), both first days of a month. Empty ({@code from == until},
 * both the period's first day) when no whole month fits. A period's days are these
 * months' days and the days outside them ({@link #daysOutside}), which lie in its partial
 * first and last months. Kept figures read whole months from their month rows and the
 * other days from their day rows, each as a plain range, so that a statement's generic
 * plan reads the same rows as its custom plan.
 *
 * @param from the first whole month's first day
 * @param until the first day after the last whole month
 */
public record WholeMonths(LocalDate from, LocalDate until) {

	/** The whole months of the period [from, until) of days. */
	public static WholeMonths within(LocalDate from, LocalDate until) {
		var first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		var end = until.withDayOfMonth(1);
		return first.isBefore(end) ? new WholeMonths(first, end) : new WholeMonths(from, from);
	}

	/** Whether no whole month fits. */
	public boolean isEmpty() {
		return !this.from.isBefore(this.until);
	}

	/**
	 * The days of the period [periodFrom, periodUntil) outside these months, as none, one
	 * or two ranges: the partial first month's days, the partial last month's days; the
	 * whole period when no whole month fits (also when it has no day, so that a statement
	 * always has a part to read).
	 */
	public List<Days> daysOutside(LocalDate periodFrom, LocalDate periodUntil) {
		var days = new ArrayList<Days>();
		if (isEmpty()) {
			days.add(new Days(periodFrom, periodUntil));
			return days;
		}
		if (periodFrom.isBefore(this.from)) {
			days.add(new Days(periodFrom, this.from));
		}
		if (this.until.isBefore(periodUntil)) {
			days.add(new Days(this.until, periodUntil));
		}
		return days;
	}

	/**
	 * The ranges' bounds as named statement parameters {@code dayFrom<i>} and
	 * {@code dayUntil<i>} (dates), i the range's place in the list, in a new map.
	 */
	public static Map<String, Object> dayParameters(List<Days> days) {
		var parameters = new HashMap<String, Object>();
		for (int i = 0; i < days.size(); i++) {
			parameters.put("dayFrom" + i, Date.valueOf(days.get(i).from()));
			parameters.put("dayUntil" + i, Date.valueOf(days.get(i).until()));
		}
		return parameters;
	}

	/**
	 * The rows of the period [from, until) as one {@code UNION ALL}: {@code monthRows}
	 * (reading {@code :wholeFrom} and {@code :wholeUntil}) when a whole month fits, and
	 * {@code dayRows} (reading {@code :dayFrom} and {@code :dayUntil}) once per range of
	 * days outside the whole months, each range's parameters numbered; with every
	 * parameter those parts read (a new map the caller may add to).
	 */
	public static Union union(LocalDate from, LocalDate until, String monthRows, String dayRows) {
		var months = within(from, until);
		var days = months.daysOutside(from, until);
		var parts = new ArrayList<String>();
		if (!months.isEmpty()) {
			parts.add(monthRows);
		}
		for (int i = 0; i < days.size(); i++) {
			parts.add(dayRows.replace(":dayFrom", ":dayFrom" + i).replace(":dayUntil", ":dayUntil" + i));
		}
		var parameters = dayParameters(days);
		parameters.put("wholeFrom", Date.valueOf(months.from()));
		parameters.put("wholeUntil", Date.valueOf(months.until()));
		return new Union(String.join("\nUNION ALL\n", parts), parameters);
	}

	/** A period's rows as one statement part and its parameters ({@link #union}). */
	public record Union(String sql, Map<String, Object> parameters) {
	}

	/** A range of days [from, until). */
	public record Days(LocalDate from, LocalDate until) {
	}

}
