package com.trellis.cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The part of a quarter a pack reports on: from the quarter's first day up to the start
 * of the meeting's week. A pack opened before that week is reached (or for a quarter
 * still running) cannot report on days that have not happened: its window ends now
 * instead, and {@link #note()} says so. An earlier quarter is compared over the same
 * elapsed part ({@link #sameElapsedFrom(Instant)}), never over more days than the window
 * has.
 *
 * @param start the moment the quarter starts
 * @param end the moment the window ends (the meeting week's start, or now)
 * @param firstDay the quarter's first day
 * @param lastDay the window's last day (today when capped)
 * @param capped whether the window was cut at now
 * @param note what the window covers, in words, for the packs
 */
record ReportWindow(Instant start, Instant end, LocalDate firstDay, LocalDate lastDay, boolean capped, String note) {

	/**
	 * The window of a quarter starting on {@code quarterStart} up to {@code weekStart}
	 * (exclusive), measured at {@code now}, days counted in {@code zone}.
	 */
	static ReportWindow of(LocalDate quarterStart, LocalDate weekStart, Instant now, ZoneId zone) {
		var start = quarterStart.atStartOfDay(zone).toInstant();
		var asked = weekStart.atStartOfDay(zone).toInstant();
		if (!now.isBefore(asked)) {
			return new ReportWindow(start, asked, quarterStart, weekStart.minusDays(1), false,
					quarterStart + " to " + weekStart.minusDays(1));
		}
		if (!now.isAfter(start)) {
			return new ReportWindow(start, start, quarterStart, quarterStart.minusDays(1), true,
					"nothing yet: the quarter starts on " + quarterStart);
		}
		var today = LocalDate.ofInstant(now, zone);
		return new ReportWindow(start, now, quarterStart, today, true, quarterStart + " to today, " + today
				+ " (capped at today: the meeting's week starts on " + weekStart + ")");
	}

	/** Whether any of the quarter has passed. */
	boolean started() {
		return this.end.isAfter(this.start);
	}

	/** How much of the quarter the window covers. */
	Duration elapsed() {
		return Duration.between(this.start, this.end);
	}

	/** The day after the window's last day. */
	LocalDate endDay() {
		return this.lastDay.plusDays(1);
	}

	/** Days of the quarter the window touches (today counted when capped). */
	long days() {
		return this.endDay().toEpochDay() - this.firstDay.toEpochDay();
	}

	/** The end of the same elapsed part of a quarter starting at {@code otherStart}. */
	Instant sameElapsedFrom(Instant otherStart) {
		return otherStart.plus(elapsed());
	}

}
