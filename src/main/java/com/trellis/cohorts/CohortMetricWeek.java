package com.trellis.cohorts;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.MinorUnits;

/**
 * A cohort's figures in one fiscal week, over its members at the week's end.
 *
 * @param pipelineCreated amount of the deals its partners were on that were created in
 * the week, in the reporting currency ({@code currency})
 * @param aeReferrals deals an AE or sales manager put one of its partners on (influence
 * or co-sell, not sourced) in the week
 * @param wins deals of its partners won in the week
 * @param winVelocityDays average days from creation to win of those deals; null without
 * wins
 * @param activationRate percent of its partners at activation or acceleration at the
 * week's end
 * @param readinessP25 lower quartile of its partners' readiness scores that week (null
 * when none is known)
 */
public record CohortMetricWeek(long cohortId, String cohort, LocalDate weekStart, String fiscalWeek, int members,
		BigDecimal pipelineCreated, String currency, int aeReferrals, int wins, BigDecimal winVelocityDays,
		BigDecimal activationRate, BigDecimal readinessP25, BigDecimal readinessMedian, BigDecimal readinessP75) {

	/**
	 * The pipeline at the reporting currency's minor unit, whatever scale it was summed
	 * with.
	 */
	public CohortMetricWeek {
		pipelineCreated = MinorUnits.round(pipelineCreated, currency);
	}

}
