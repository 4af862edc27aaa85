package com.trellis.activation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.MinorUnits;

/**
 * A partner's 30-60-90 plan as its PAM, the partner and the API see it.
 */
public record ActivationPlanView(long partnerId, LocalDate onboardedOn, long daysSinceOnboarding,
		int targetRegistrations, BigDecimal targetPipeline, BigDecimal targetRevenue, String currency,
		Instant firstRegisteredAt, Instant firstWonAt, String status, String statusReason, List<Milestone> milestones,
		List<BlockerView> blockers) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public ActivationPlanView {
		targetPipeline = MinorUnits.round(targetPipeline, currency);
		targetRevenue = MinorUnits.round(targetRevenue, currency);
	}

	public long overdue() {
		return this.milestones.stream().filter(Milestone::overdue).count();
	}

	public record Milestone(long id, String code, String name, LocalDate dueOn, String owner, String source,
			Instant completedAt, String evidence, boolean overdue) {

		public boolean automatic() {
			return this.source != null;
		}

		/**
		 * The milestone of a plan whose verdict is fixed: open, but no longer overdue.
		 */
		Milestone settled() {
			return new Milestone(this.id, this.code, this.name, this.dueOn, this.owner, this.source, this.completedAt,
					this.evidence, false);
		}

	}

	public record BlockerView(long id, Blocker blocker, String note, Instant recordedAt) {
	}

}
