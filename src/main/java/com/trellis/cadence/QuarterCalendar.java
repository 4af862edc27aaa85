package com.trellis.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.trellis.shared.InvalidInputException;
import com.trellis.shared.Quarters;

/**
 * The 13 weeks of a calendar quarter. Week 1 starts on the quarter's first day, each week
 * is seven days, and week 13 runs to the quarter's end (six to eight days). A meeting
 * falls on its week's first working day.
 */
final class QuarterCalendar {

	static final int WEEKS = 13;

	private static final Pattern LABEL = Pattern.compile("^(\\d{4})-Q([1-4])$");

	private final LocalDate start;

	private QuarterCalendar(LocalDate start) {
		this.start = start;
	}

	static QuarterCalendar containing(LocalDate day) {
		return new QuarterCalendar(Quarters.start(day));
	}

	/** The quarter named like "2026-Q4". */
	static QuarterCalendar of(String label) {
		var matcher = LABEL.matcher(label == null ? "" : label);
		if (!matcher.matches()) {
			throw InvalidInputException.of("quarter", "must look like 2026-Q4");
		}
		return new QuarterCalendar(
				LocalDate.of(Integer.parseInt(matcher.group(1)), (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1));
	}

	String label() {
		return Quarters.label(this.start);
	}

	LocalDate start() {
		return this.start;
	}

	/** The day after the quarter's last day. */
	LocalDate end() {
		return this.start.plusMonths(3);
	}

	QuarterCalendar next() {
		return new QuarterCalendar(end());
	}

	QuarterCalendar previous() {
		return new QuarterCalendar(this.start.minusMonths(3));
	}

	LocalDate weekStart(int week) {
		return this.start.plusDays(7L * (check(week) - 1));
	}

	/** The day after the week's last day. */
	LocalDate weekEnd(int week) {
		return check(week) == WEEKS ? end() : weekStart(week + 1);
	}

	/** The week a day falls in; days outside the quarter are refused. */
	int weekOf(LocalDate day) {
		if (day.isBefore(this.start) || !day.isBefore(end())) {
			throw InvalidInputException.of("day", day + " is not in " + label());
		}
		return (int) Math.min(WEEKS, (day.toEpochDay() - this.start.toEpochDay()) / 7 + 1);
	}

	/** The week's first day from Monday to Friday. */
	LocalDate meetingDay(int week) {
		var day = weekStart(week);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** Every meeting of the quarter in order of week. */
	List<Slot> slots() {
		var slots = new ArrayList<Slot>();
		for (int week = 1; week <= WEEKS; week++) {
			for (var meeting : Meeting.values()) {
				if (meeting.fallsIn(week)) {
					slots.add(new Slot(week, meetingDay(week), meeting));
				}
			}
		}
		return slots;
	}

	private static int check(int week) {
		if (week < 1 || week > WEEKS) {
			throw InvalidInputException.of("week", "must be between 1 and " + WEEKS);
		}
		return week;
	}

	/** One meeting in one week of the quarter. */
	record Slot(int week, LocalDate day, Meeting meeting) {
	}

}
