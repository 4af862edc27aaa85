package com.trellis.forecast;

import java.math.BigDecimal;
import java.util.Map;

import com.trellis.shared.Percent;
import com.trellis.shared.MinorUnits;

/**
 * A roll-up against its quota or target. Each forecast figure is taken together with what
 * has already closed: closed so far, closed plus commit, closed plus best case and closed
 * plus weighted pipeline, each as a percentage of the quota (one decimal, half up; none
 * for a zero quota). The gap is the quota less what has closed (negative when it is
 * exceeded).
 *
 * @param quota the quota or target, in {@code currency}
 * @param currency the reporting currency
 * @param basis where the quota comes from
 * @param closedPercent closed so far as a share of the quota
 * @param commitPercent closed plus commit
 * @param bestCasePercent closed plus best case
 * @param weightedPercent closed plus weighted pipeline
 * @param gap quota less closed so far
 */
public record QuotaAttainment(BigDecimal quota, String currency, String basis, BigDecimal closedPercent,
		BigDecimal commitPercent, BigDecimal bestCasePercent, BigDecimal weightedPercent, BigDecimal gap) {

	public QuotaAttainment {
		quota = MinorUnits.round(quota, currency);
		gap = MinorUnits.round(gap, currency);
	}

	static QuotaAttainment of(BigDecimal quota, String currency, String basis, Map<String, BigDecimal> figures) {
		var closed = figures.get("closed");
		return new QuotaAttainment(quota, currency, basis, percent(closed, quota),
				percent(closed.add(figures.get("commit")), quota), percent(closed.add(figures.get("bestCase")), quota),
				percent(closed.add(figures.get("weighted")), quota),
				MinorUnits.round(quota.subtract(closed), currency));
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return Percent.of(part, whole);
	}

}
