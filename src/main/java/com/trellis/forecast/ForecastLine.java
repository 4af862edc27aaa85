package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open deal as a roll-up counts it, for lists.
 *
 * @param opportunityId the deal
 * @param name its name
 * @param partner its partner's name, null for a direct deal
 * @param owner its owner's name
 * @param stage its current stage
 * @param amount its amount in the reporting currency; null when unknown
 * @param probability the learned probability to win from its stage and group
 * @param expectedClose its expected close date
 * @param category COMMIT, BEST_CASE or PIPELINE
 * @param amountUnknown whether the deal's amount is unknown (V124: an open deal imported
 * without one; it adds nothing to the roll-up's figures)
 */
public record ForecastLine(long opportunityId, String name, String partner, String owner, String stage,
		BigDecimal amount, BigDecimal probability, LocalDate expectedClose, String category, boolean amountUnknown) {
}
