package com.trellis.adoption;

import com.trellis.shared.Percent;

import java.math.BigDecimal;

/**
 * Tells an adoption problem from a partner problem (§C10). Flat partner revenue while
 * capable partners sit idle means reps are not reaching for partners. Partners who are
 * engaged but win no better than direct deals point to the partners or the motion.
 */
final class AdoptionDiagnosis {

	static final BigDecimal FLAT_GROWTH_PERCENT = new BigDecimal("5");

	static final BigDecimal IDLE_SHARE_PERCENT = new BigDecimal("30");

	private AdoptionDiagnosis() {
	}

	static Diagnosis decide(BigDecimal revenueNow, BigDecimal revenueBefore, long capable, long idleCapable,
			BigDecimal partnerWinRate, BigDecimal directWinRate) {
		return decide(revenueNow, revenueBefore, capable, idleCapable, partnerWinRate, directWinRate, null);
	}

	/**
	 * As above, naming the two stretches of time compared ({@code compared}, such as
	 * "2026-Q4 to date, 52 days, against the same 52 days of 2026-Q3"), so that an
	 * unfinished quarter is never read as a whole one.
	 */
	static Diagnosis decide(BigDecimal revenueNow, BigDecimal revenueBefore, long capable, long idleCapable,
			BigDecimal partnerWinRate, BigDecimal directWinRate, String compared) {
		var over = compared == null ? "" : " (" + compared + ")";
		var growth = revenueBefore == null ? null : Percent.of(revenueNow.subtract(revenueBefore), revenueBefore);
		var idleShare = capable == 0 ? Percent.round(BigDecimal.ZERO)
				: Percent.of(BigDecimal.valueOf(idleCapable), BigDecimal.valueOf(capable));
		boolean flat = growth == null || growth.compareTo(FLAT_GROWTH_PERCENT) <= 0;
		if (flat && idleShare.compareTo(IDLE_SHARE_PERCENT) >= 0) {
			return new Diagnosis(Finding.ADOPTION_PROBLEM,
					"partner-sourced revenue "
							+ (growth == null ? "has no earlier quarter to grow from" : "changed " + growth + "%")
							+ over + " while " + idleCapable + " of " + capable
							+ " capable partners had no new deal in 90 days: reps are not reaching for partners");
		}
		if (partnerWinRate != null && directWinRate != null && partnerWinRate.compareTo(directWinRate) <= 0) {
			return new Diagnosis(Finding.PARTNER_OR_MOTION_PROBLEM, "partner-sourced deals win at " + partnerWinRate
					+ "% against " + directWinRate + "% for direct deals: partners engage but do not help close");
		}
		return new Diagnosis(Finding.HEALTHY,
				"partner revenue " + (growth == null ? "is new" : "changed " + growth + "%") + over + ", " + idleCapable
						+ " of " + capable + " capable partners idle, partner deals win at " + partnerWinRate
						+ "% against " + directWinRate + "% direct");
	}

	enum Finding {

		ADOPTION_PROBLEM, PARTNER_OR_MOTION_PROBLEM, HEALTHY

	}

	record Diagnosis(Finding finding, String evidence) {
	}

}
