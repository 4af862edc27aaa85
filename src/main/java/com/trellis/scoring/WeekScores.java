package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A partner's three scores in one fiscal week (null: unknown that week). */
public record WeekScores(LocalDate weekStart, String fiscalWeek, BigDecimal readiness, BigDecimal behaviour,
		BigDecimal trust) {
}
