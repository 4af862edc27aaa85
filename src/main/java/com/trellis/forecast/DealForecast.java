package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open deal's forecast.
 *
 * @param opportunityId the deal
 * @param stage its current stage
 * @param group the history it is measured against: DIRECT or PARTNER:tier
 * @param probability probability to win from its stage
 * @param probabilityBasis what the probability was learned from
 * @param stageNormDays the days a deal of its group is expected to spend in its stage
 * @param stageNormBasis what that norm was learned from
 * @param expectedClose when it is expected to close, never before today
 * @param expectedCloseReason how that date was found
 * @param laterStagesBasis which later stages counted, and what that was learned from
 * @param category COMMIT (called by its owner), BEST_CASE (50% or more) or PIPELINE
 * @param quarter the quarter of its expected close, where roll-ups count it
 */
public record DealForecast(long opportunityId, String stage, String group, BigDecimal probability,
		String probabilityBasis, int stageNormDays, String stageNormBasis, LocalDate expectedClose,
		String expectedCloseReason, String laterStagesBasis, String category, String quarter) {
}
