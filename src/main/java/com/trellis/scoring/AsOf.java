package com.trellis.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The cut-off a score is computed as of: the end of a business day. A signal reads only
 * records from before {@code end}, so a score as of a past day is what Trellis would have
 * said that evening (no look-ahead).
 *
 * @param day the business day
 * @param end the moment the next business day starts
 */
record AsOf(LocalDate day, Instant end) {

	/** Whether something that happened at {@code at} was known by the cut-off. */
	boolean knows(Instant at) {
		return at != null && at.isBefore(this.end);
	}

	/** Whether a day is the cut-off day or before it. */
	boolean knows(LocalDate on) {
		return on != null && !on.isAfter(this.day);
	}

	/** Whether {@code at} is known and at most {@code days} days before the cut-off. */
	boolean within(Instant at, int days) {
		return knows(at) && !at.isBefore(this.end.minus(Duration.ofDays(days)));
	}

	/**
	 * Whether {@code on} is known and within the last {@code days} days up to the cut-off
	 * day.
	 */
	boolean within(LocalDate on, int days) {
		return knows(on) && on.isAfter(this.day.minusDays(days));
	}

}
