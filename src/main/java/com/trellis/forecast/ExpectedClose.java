package com.trellis.forecast;

import com.trellis.shared.Plural;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When an open deal is expected to close. The norms give the date: the days left of the
 * current stage's norm (none once the deal has overstayed it) plus the days of the later
 * stages along the path deals like it take ({@link RemainingPath}), counted from today.
 * The rep's close date is kept when it is later than that (the rep may know the
 * customer's timing); it never pulls the date earlier, and a close date in the past is
 * ignored. So the expected close is never before today.
 */
final class ExpectedClose {

	private ExpectedClose() {
	}

	static Decision of(LocalDate today, LocalDate enteredStage, int currentNorm, int laterNorms,
			LocalDate repCloseDate) {
		long inStage = Math.max(0, ChronoUnit.DAYS.between(enteredStage, today));
		long left = Math.max(0, currentNorm - inStage);
		var byNorms = today.plusDays(left + laterNorms);
		var how = Plural.of(left, "day") + " left of the stage's " + currentNorm + "-day norm plus "
				+ Plural.of(laterNorms, "day") + " of later stages";
		if (repCloseDate != null && repCloseDate.isAfter(byNorms)) {
			return new Decision(repCloseDate, "the rep's close date, later than the " + byNorms + " the norms give");
		}
		if (repCloseDate == null) {
			return new Decision(byNorms, how + "; no close date set");
		}
		if (repCloseDate.isBefore(today)) {
			return new Decision(byNorms, how + "; the rep's close date " + repCloseDate + " has passed");
		}
		return new Decision(byNorms, how + "; the rep's close date " + repCloseDate + " is earlier than that");
	}

	/** The expected close date and why. */
	record Decision(LocalDate date, String reason) {
	}

	/**
	 * The same rule in SQL over opportunity {@code o} and a norm row
	 * {@code n(own, later)}, binding {@code :today}, so that roll-ups assign quarters in
	 * the database. Binds {@code :zone}, the business time zone, to find the day the deal
	 * entered its stage.
	 */
	static final String SQL = """
			GREATEST(CAST(:today AS DATE) + GREATEST(n.own - GREATEST(CAST(:today AS DATE)
			  - CAST(o.stage_entered_at AT TIME ZONE :zone AS DATE), 0), 0) + n.later, o.close_date)""";

}
