package com.trellis.forecast;

import java.math.BigDecimal;

/**
 * What a scope had committed for a quarter in the first weekly snapshot of that quarter.
 *
 * @param quarter such as {@code 2026-Q4}
 * @param weekStart the first day of the quarter's week the snapshot was taken in
 * @param closed closed-won already in the quarter when the snapshot was taken
 * @param commit open deals called commit and expected to close in the quarter
 */
public record CommittedForecast(String quarter, java.time.LocalDate weekStart, BigDecimal closed, BigDecimal commit) {

	/** The commit forecast: what had closed plus what was committed. */
	public BigDecimal total() {
		return this.closed.add(this.commit);
	}

}
