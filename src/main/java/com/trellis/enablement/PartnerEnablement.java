package com.trellis.enablement;

import java.util.List;

/**
 * A partner's enablement: each user's track progress, the completion rate, and how much
 * of the training was applied in live deals within 60 days.
 */
public record PartnerEnablement(long partnerId, List<UserProgress> users, int completionRatePercent, long completions,
		long appliedCompletions) {

	public int appliedRatePercent() {
		return this.completions == 0 ? 0 : (int) Math.round(100.0 * this.appliedCompletions / this.completions);
	}

}
