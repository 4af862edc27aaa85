package com.trellis.roi;

import java.math.BigDecimal;

import com.trellis.shared.StoredFigures;

/**
 * One partner's ROI for a quarter, in the reporting currency: its cost to serve by
 * source, the pipeline created and revenue won, lift over the direct baseline and ROI,
 * each with its reason.
 *
 * @param partnerId the partner
 * @param name its name
 * @param tier its tier on the quarter's last day (today for the quarter in progress)
 * @param enablementHours the hours of the enablement items its users completed
 * @param enablementCost those hours at the admin's hourly cost
 * @param mdfPaid MDF reimbursements paid out in the quarter
 * @param incentivesPaid other incentive earnings paid out (net of paid reversals)
 * @param programSpend program spend the admin recorded
 * @param pamCost the PAM's cost for a managed partner
 * @param cost the total cost to serve
 * @param pipeline pipeline created
 * @param revenue revenue won
 * @param roiPercent (revenue − cost) / cost in percent, null without a cost
 * @param roiReason why
 * @param liftPoints win rate over the direct baseline, percentage points; null below the
 * minimum of comparable deals
 * @param liftReason why
 */
public record PartnerQuarter(long partnerId, String name, String tier, BigDecimal enablementHours,
		BigDecimal enablementCost, BigDecimal mdfPaid, BigDecimal incentivesPaid, BigDecimal programSpend,
		BigDecimal pamCost, BigDecimal cost, BigDecimal pipeline, BigDecimal revenue, BigDecimal roiPercent,
		String roiReason, BigDecimal liftPoints, String liftReason) {

	/**
	 * The line as a reader in the locale reads it: the reasons' figures in the locale's
	 * notation (written as {@link StoredFigures} parts).
	 */
	public PartnerQuarter worded(java.util.Locale locale) {
		return new PartnerQuarter(this.partnerId, this.name, this.tier, this.enablementHours, this.enablementCost,
				this.mdfPaid, this.incentivesPaid, this.programSpend, this.pamCost, this.cost, this.pipeline,
				this.revenue, this.roiPercent, StoredFigures.render(this.roiReason, locale), this.liftPoints,
				StoredFigures.render(this.liftReason, locale));
	}

	/** As the SQL reads it, before the rules. */
	record Row(long partnerId, String name, String tier, BigDecimal hours, RoiRule.Cost cost, BigDecimal pipeline,
			BigDecimal revenue, long comparableDeals, long wonComparable, BigDecimal expectedWon) {

		PartnerQuarter decide() {
			var verdict = RoiRule.of(this.cost, this.revenue);
			var lift = LiftRule.of(this.comparableDeals, this.wonComparable, this.expectedWon);
			return new PartnerQuarter(this.partnerId, this.name, this.tier, this.hours, this.cost.enablement(),
					this.cost.mdf(), this.cost.incentives(), this.cost.spend(), this.cost.pam(), verdict.cost(),
					this.pipeline, this.revenue, verdict.roiPercent(), verdict.reason(), lift.points(), lift.reason());
		}

	}

}
