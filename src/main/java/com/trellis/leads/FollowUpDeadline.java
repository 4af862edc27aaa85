package com.trellis.leads;

import java.time.Duration;
import java.time.Instant;

import com.trellis.shared.WorkingDays;

/**
 * When a routed lead must have had its first follow-up, and whether it had it in time.
 * The window starts when the lead reaches the rep and counts business days (Monday to
 * Friday except holidays, in the business time zone; a lead routed at the weekend or on a
 * holiday starts on the next business day at midnight) or calendar days.
 */
final class FollowUpDeadline {

	private FollowUpDeadline() {
	}

	static Instant due(Instant routedAt, int days, boolean businessDays, WorkingDays calendar) {
		if (!businessDays) {
			// calendar days on the vendor's clocks: the same time of day, also across a
			// daylight-saving change
			return routedAt.atZone(calendar.zone()).plusDays(days).toInstant();
		}
		return calendar.add(routedAt, days);
	}

	/**
	 * The follow-up's verdict as of {@code now}; {@code declinedAt} is when the lead was
	 * declined, null when it was not. A lead declined without a follow-up before its
	 * deadline needed none; declined after it, the deadline was missed (LATE), as it
	 * would have been had it stayed open.
	 */
	static Verdict judge(Instant due, Instant firstFollowUp, Instant now, Instant declinedAt) {
		if (due == null) {
			return new Verdict(Outcome.NOT_ROUTED, "not with a rep yet");
		}
		if (declinedAt != null && firstFollowUp == null) {
			return declinedAt.isAfter(due)
					? new Verdict(Outcome.LATE,
							"declined " + hours(due, declinedAt) + " h after the deadline without a follow-up")
					: new Verdict(Outcome.NOT_NEEDED, "declined before the deadline without a follow-up; not counted");
		}
		if (firstFollowUp != null) {
			return firstFollowUp.isAfter(due)
					? new Verdict(Outcome.LATE, "followed up " + hours(due, firstFollowUp) + " h after the deadline")
					: new Verdict(Outcome.IN_TIME, "followed up before the deadline");
		}
		return now.isAfter(due)
				? new Verdict(Outcome.OVERDUE, "no follow-up " + hours(due, now) + " h after the deadline")
				: new Verdict(Outcome.PENDING, "follow-up due within " + hours(now, due) + " h");
	}

	private static long hours(Instant from, Instant to) {
		return Duration.between(from, to).toHours();
	}

	enum Outcome {

		NOT_ROUTED, PENDING, IN_TIME, LATE, OVERDUE, NOT_NEEDED

	}

	record Verdict(Outcome outcome, String reason) {
	}

}
