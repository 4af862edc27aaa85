package com.trellis.roi;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.marketplace.MarketplaceVelocity;
import com.trellis.shared.StoredFigures;

/**
 * A quarter's ROI for a scope: each partner, the totals per tier and for the whole scope,
 * and the scope's ROI over the last quarters.
 *
 * @param quarter the fiscal quarter's label
 * @param currency the reporting currency
 * @param partners each partner in the scope
 * @param tiers the totals per tier (the tier each partner had on the quarter's last day,
 * today for the quarter in progress)
 * @param cohorts the totals per cohort (the members at the quarter's end, now for the
 * quarter in progress; a partner in several cohorts counts in each), by cohort name
 * @param total the scope's total
 * @param trend the scope's total per quarter, oldest first, ending with this quarter
 * @param marketplace the marketplace velocity (as of the quarter's last day) of the
 * partners in the report with marketplace transactions in the 180 days up to it
 */
public record RoiReport(String quarter, String currency, List<PartnerQuarter> partners, List<Total> tiers,
		List<Total> cohorts, Total total, List<Total> trend, List<MarketplaceVelocity> marketplace) {

	/**
	 * The report as a reader in the locale reads it: every reason's figures in the
	 * locale's notation (written as {@link StoredFigures} parts).
	 */
	public RoiReport worded(java.util.Locale locale) {
		return new RoiReport(this.quarter, this.currency, this.partners.stream().map(p -> p.worded(locale)).toList(),
				this.tiers.stream().map(t -> t.worded(locale)).toList(),
				this.cohorts.stream().map(t -> t.worded(locale)).toList(),
				this.total == null ? null : this.total.worded(locale),
				this.trend.stream().map(t -> t.worded(locale)).toList(),
				this.marketplace.stream().map(v -> v.worded(locale)).toList());
	}

	/**
	 * Summed figures of a group of partners.
	 *
	 * @param group the tier's code, the cohort's name, the quarter's label or "ALL"
	 */
	public record Total(String group, long partners, BigDecimal enablementHours, BigDecimal enablementCost,
			BigDecimal mdfPaid, BigDecimal incentivesPaid, BigDecimal programSpend, BigDecimal pamCost, BigDecimal cost,
			BigDecimal pipeline, BigDecimal revenue, BigDecimal roiPercent, String roiReason) {

		/** The total with its reason's figures in the reader's notation. */
		public Total worded(java.util.Locale locale) {
			return new Total(this.group, this.partners, this.enablementHours, this.enablementCost, this.mdfPaid,
					this.incentivesPaid, this.programSpend, this.pamCost, this.cost, this.pipeline, this.revenue,
					this.roiPercent, StoredFigures.render(this.roiReason, locale));
		}

		static Total of(String group, List<PartnerQuarter.Row> rows) {
			var cost = RoiRule.Cost.NONE;
			var hours = BigDecimal.ZERO;
			var pipeline = BigDecimal.ZERO;
			var revenue = BigDecimal.ZERO;
			for (var row : rows) {
				cost = cost.plus(row.cost());
				hours = hours.add(row.hours());
				pipeline = pipeline.add(row.pipeline());
				revenue = revenue.add(row.revenue());
			}
			return of(group, rows.size(), hours, cost, pipeline, revenue);
		}

		/**
		 * The total of disjoint groups' totals (each partner in one of them): what
		 * {@link #of(String, List)} gives for all their partners' rows.
		 */
		static Total sum(String group, List<Total> totals) {
			var cost = RoiRule.Cost.NONE;
			var hours = BigDecimal.ZERO;
			var pipeline = BigDecimal.ZERO;
			var revenue = BigDecimal.ZERO;
			long partners = 0;
			for (var total : totals) {
				cost = cost.plus(new RoiRule.Cost(total.enablementCost(), total.mdfPaid(), total.incentivesPaid(),
						total.programSpend(), total.pamCost()));
				hours = hours.add(total.enablementHours());
				pipeline = pipeline.add(total.pipeline());
				revenue = revenue.add(total.revenue());
				partners += total.partners();
			}
			return of(group, partners, hours, cost, pipeline, revenue);
		}

		/**
		 * The total of {@code partners} partners from their summed figures: the hours,
		 * the cost (each part already rounded per partner) and the pipeline and revenue
		 * (each partner's rounded to the minor unit).
		 */
		static Total of(String group, long partners, BigDecimal hours, RoiRule.Cost cost, BigDecimal pipeline,
				BigDecimal revenue) {
			var verdict = RoiRule.of(cost, revenue);
			return new Total(group, partners, hours, cost.enablement(), cost.mdf(), cost.incentives(), cost.spend(),
					cost.pam(), verdict.cost(), pipeline, revenue, verdict.roiPercent(), verdict.reason());
		}

	}

}
