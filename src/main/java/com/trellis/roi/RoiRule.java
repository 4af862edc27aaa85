package com.trellis.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.StoredFigures;

/**
 * ROI of a cost to serve: the revenue created less the cost, over the cost, in percent
 * (one decimal, half-even). Without a cost there is no ratio, with the reason; the cost
 * is the sum of its parts, each already in the reporting currency. The reason's figures
 * are {@link StoredFigures} parts, worded per reader where it is read.
 */
final class RoiRule {

	private RoiRule() {
	}

	static Verdict of(Cost cost, BigDecimal revenue) {
		var total = cost.total();
		if (total.signum() <= 0) {
			return new Verdict(total, null, "no cost recorded for the quarter: ROI is not defined");
		}
		var roi = revenue.subtract(total).multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_EVEN);
		return new Verdict(total, roi, "revenue " + StoredFigures.money(revenue, ReportingCurrency.CODE) + " less cost "
				+ StoredFigures.money(total, ReportingCurrency.CODE) + ", over the cost");
	}

	/** The cost to serve, each part in the reporting currency at its minor unit. */
	record Cost(BigDecimal enablement, BigDecimal mdf, BigDecimal incentives, BigDecimal spend, BigDecimal pam) {

		Cost {
			enablement = ReportingCurrency.round(enablement);
			mdf = ReportingCurrency.round(mdf);
			incentives = ReportingCurrency.round(incentives);
			spend = ReportingCurrency.round(spend);
			pam = ReportingCurrency.round(pam);
		}

		static final Cost NONE = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO);

		BigDecimal total() {
			return this.enablement.add(this.mdf).add(this.incentives).add(this.spend).add(this.pam);
		}

		Cost plus(Cost other) {
			return new Cost(this.enablement.add(other.enablement), this.mdf.add(other.mdf),
					this.incentives.add(other.incentives), this.spend.add(other.spend), this.pam.add(other.pam));
		}

	}

	/**
	 * @param cost the total cost
	 * @param roiPercent the ROI in percent, null when not defined
	 * @param reason in words
	 */
	record Verdict(BigDecimal cost, BigDecimal roiPercent, String reason) {
	}

}
