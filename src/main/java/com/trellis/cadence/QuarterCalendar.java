package com.trellis.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.WorkingDays;

/**
 * The 13 weeks of a fiscal quarter. Week 1 starts on the quarter's first day, each week
 * is seven days, and week 13 runs to the quarter's end (six to eight days). A meeting
 * falls on its week's first business day: Monday to Friday and not a holiday, so the
 * week-1 meetings of a quarter starting on New Year's Day move to the next business day.
 */
final class QuarterCalendar {

	static final int WEEKS = FiscalQuarter.WEEKS;

	private final FiscalQuarter quarter;

	private final Set<LocalDate> holidays;

	private QuarterCalendar(FiscalQuarter quarter, Set<LocalDate> holidays) {
		this.quarter = quarter;
		this.holidays = holidays;
	}

	/** A quarter with the holidays its meeting days must avoid. */
	static QuarterCalendar of(FiscalQuarter quarter, Set<LocalDate> holidays) {
		return new QuarterCalendar(quarter, holidays);
	}

	String label() {
		return this.quarter.label();
	}

	FiscalQuarter quarter() {
		return this.quarter;
	}

	LocalDate start() {
		return this.quarter.start();
	}

	/** The day after the quarter's last day. */
	LocalDate end() {
		return this.quarter.end();
	}

	QuarterCalendar next() {
		return new QuarterCalendar(this.quarter.next(), this.holidays);
	}

	QuarterCalendar previous() {
		return new QuarterCalendar(this.quarter.previous(), this.holidays);
	}

	/** The same quarter of the fiscal year before. */
	QuarterCalendar yearBefore() {
		return previous().previous().previous().previous();
	}

	LocalDate weekStart(int week) {
		return this.quarter.weekStart(week);
	}

	/** The day after the week's last day. */
	LocalDate weekEnd(int week) {
		return this.quarter.weekEnd(week);
	}

	/** The week a day falls in; days outside the quarter are refused. */
	int weekOf(LocalDate day) {
		return this.quarter.weekOf(day);
	}

	/** The week's first business day (Monday to Friday, not a holiday). */
	LocalDate meetingDay(int week) {
		return new WorkingDays(java.time.ZoneOffset.UTC, this.holidays).onOrAfter(weekStart(week));
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

	/** One meeting in one week of the quarter. */
	record Slot(int week, LocalDate day, Meeting meeting) {
	}

}
