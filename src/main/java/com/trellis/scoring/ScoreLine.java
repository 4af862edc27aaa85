package com.trellis.scoring;

import java.math.BigDecimal;

/**
 * One partner's current scores in a list (null: unknown), with the move since the
 * previous week.
 */
public record ScoreLine(long partnerId, String partnerName, String fiscalWeek, BigDecimal readiness,
		BigDecimal readinessChange, BigDecimal behaviour, BigDecimal behaviourChange, BigDecimal trust,
		BigDecimal trustChange) {
}
