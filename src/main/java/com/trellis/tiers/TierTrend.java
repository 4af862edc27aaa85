package com.trellis.tiers;

import java.time.LocalDate;
import java.util.List;

/**
 * The program's tiers over time: per evaluated fiscal week, how many partners ended it in
 * each tier and how many moved up or down by their scores.
 */
public record TierTrend(List<Week> weeks) {

	public record Week(LocalDate weekStart, String fiscalWeek, long tier1, long tier2, long tier3, long movedUp,
			long movedDown) {
	}

}
