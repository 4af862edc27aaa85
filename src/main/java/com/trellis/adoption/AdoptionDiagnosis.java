package com.trellis.adoption;

import com.trellis.shared.Percent;

import java.math.BigDecimal;

/**
 * Tells an adoption problem from a partner problem (§C10). Flat partner revenue while
 * capable partners sit idle means reps are not reaching for partners. Partners who are
 * engaged but win no better than direct deals point to the partners or the motion. The
 * diagnosis is its finding and figures, never a sentence: it is stored by the daily job
 * and worded for each reader ({@link DiagnosisWording}).
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
	 * As above, naming the two stretches of time compared ({@code compared}: the quarter
	 * to date and the same days of the quarter before), so that an unfinished quarter is
	 * never read as a whole one.
	 */
	static Diagnosis decide(BigDecimal revenueNow, BigDecimal revenueBefore, long capable, long idleCapable,
			BigDecimal partnerWinRate, BigDecimal directWinRate, Compared compared) {
		var growth = revenueBefore == null ? null : Percent.of(revenueNow.subtract(revenueBefore), revenueBefore);
		var idleShare = capable == 0 ? Percent.round(BigDecimal.ZERO)
				: Percent.of(BigDecimal.valueOf(idleCapable), BigDecimal.valueOf(capable));
		boolean flat = growth == null || growth.compareTo(FLAT_GROWTH_PERCENT) <= 0;
		Finding finding;
		if (flat && idleShare.compareTo(IDLE_SHARE_PERCENT) >= 0) {
			finding = Finding.ADOPTION_PROBLEM;
		}
		else if (partnerWinRate != null && directWinRate != null && partnerWinRate.compareTo(directWinRate) <= 0) {
			finding = Finding.PARTNER_OR_MOTION_PROBLEM;
		}
		else {
			finding = Finding.HEALTHY;
		}
		return new Diagnosis(finding, growth, idleCapable, capable, partnerWinRate, directWinRate, compared);
	}

	enum Finding {

		ADOPTION_PROBLEM, PARTNER_OR_MOTION_PROBLEM, HEALTHY

	}

	/**
	 * A finding and the figures behind it, as the daily job stores them (JSON in
	 * {@code stored_page_figures}).
	 *
	 * @param growthPercent partner-sourced revenue's change against the same days of the
	 * quarter before, in percent at one decimal; null when there is nothing to grow from
	 * @param idleCapable capable partners without a new deal in 90 days; null only in a
	 * partner-or-motion finding stored before V233 (its sentence named no counts)
	 * @param capable capable partners; null as {@code idleCapable}
	 * @param partnerWinRate win rate of partner-sourced deals in percent; null when none
	 * closed
	 * @param directWinRate win rate of direct deals in percent; null when none closed
	 * @param compared the stretches of time compared; null when not named
	 */
	record Diagnosis(Finding finding, BigDecimal growthPercent, Long idleCapable, Long capable,
			BigDecimal partnerWinRate, BigDecimal directWinRate, Compared compared) {
	}

	/**
	 * The quarter so far ({@code quarter}, such as 2026-Q4, {@code days} whole business
	 * days into it) against the same days of {@code earlier}.
	 */
	record Compared(String quarter, long days, String earlier) {
	}

}
