package com.trellis.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner's scorecard: its three scores as of {@code asOf} in fiscal week
 * {@code fiscalWeek}, each explained by its signals, and the weekly history, oldest
 * first. {@code computed} is false when no run has scored the partner yet.
 */
public record PartnerScorecard(long partnerId, String partnerName, boolean computed, LocalDate asOf, String fiscalWeek,
		List<PillarView> scores, List<WeekScores> history) {
}
