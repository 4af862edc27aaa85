package com.trellis.incentives;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a quarter may be closed: only once it is over, that is from the day after its
 * last day. Closing it earlier would freeze rebates and MDF accruals at what the quarter
 * had reached so far and crown a top partner of half a quarter.
 */
final class QuarterCloseRule {

	private QuarterCloseRule() {
	}

	/**
	 * The reason a quarter cannot be closed today, or empty when it can.
	 * @param period the quarter's name, e.g. 2026-Q4
	 * @param end the first day after the quarter
	 * @param today today in the business's calendar
	 */
	static Optional<String> refusal(String period, LocalDate end, LocalDate today) {
		if (today.isBefore(end)) {
			return Optional.of(period + " ends on " + end.minusDays(1) + "; it can be closed from " + end);
		}
		return Optional.empty();
	}

}
