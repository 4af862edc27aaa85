package com.trellis.forecast;

import java.time.LocalDate;

import com.trellis.shared.FiscalQuarter;

/**
 * The one rule for the snapshot a quarter's forecast is judged by: the quarter's first
 * weekly snapshot, provided it was taken in week 1 or {@value #LATEST_WEEK} of the
 * quarter. A first snapshot from a later week (an instance that started snapshotting
 * mid-quarter) was made when much of the quarter was known, so it is not the quarter's
 * commitment: forecast attainment, forecast against actual and the forecast page's chart
 * all say so instead of judging the quarter by it.
 */
public final class OpeningSnapshot {

	/** The latest week of the quarter whose snapshot still counts as the commitment. */
	public static final int LATEST_WEEK = 2;

	private OpeningSnapshot() {
	}

	/**
	 * Whether a quarter's first snapshot, taken in the week starting {@code weekStart},
	 * is the one its forecast is judged by, with its week of the quarter and, when it is
	 * not, why.
	 */
	public static Judgement judge(FiscalQuarter quarter, LocalDate weekStart) {
		int week = quarter.weekOf(weekStart.isBefore(quarter.start()) ? quarter.start() : weekStart);
		if (week > LATEST_WEEK) {
			return new Judgement(false, week,
					"the first forecast snapshot of " + quarter.label() + " was taken in week " + week
							+ " (the week of " + weekStart
							+ "), too late to be the quarter's commitment; it is judged by a snapshot from week 1 or "
							+ LATEST_WEEK);
		}
		return new Judgement(true, week, null);
	}

	/**
	 * @param counts whether the quarter's forecast is judged by this snapshot
	 * @param week the week of the quarter it was taken in
	 * @param reason why it does not count, or null
	 */
	public record Judgement(boolean counts, int week, String reason) {
	}

}
