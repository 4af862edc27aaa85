package com.trellis.metrics;

import java.math.BigDecimal;

/**
 * One stage of the sales-process funnel over a period, partner-involved against direct:
 * deals that first reached the stage in the period, the share of those that reached any
 * later stage (by now), and the median days they spent in the stage before moving on.
 */
public record FunnelStep(String stage, String label, Side partner, Side direct) {

	/**
	 * @param reached deals that first entered the stage in the period
	 * @param advanced of those, deals that have entered any later stage since
	 * @param conversion advanced as a share of reached, in percent (null without deals,
	 * or for the last stage)
	 * @param medianDays median days in the stage of those that left it (null when none
	 * left)
	 */
	public record Side(long reached, long advanced, BigDecimal conversion, BigDecimal medianDays) {
	}

}
