package com.trellis.activation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A row of the activation book's CSV ({@code GET /activation/export.csv}). */
final class ActivationExport {

	static final List<String> HEADER = List.of("partner_id", "partner", "onboarded_on", "day", "status",
			"status_reason", "milestones_done", "milestones", "overdue", "next_milestone", "next_due_on",
			"open_blockers", "target_registrations", "target_pipeline", "target_revenue", "currency",
			"first_registered_at", "first_won_at");

	private ActivationExport() {
	}

	static List<?> row(ActivationPlanView plan, String partnerName) {
		var next = plan.milestones()
			.stream()
			.filter(m -> m.completedAt() == null)
			.min(Comparator.comparing(ActivationPlanView.Milestone::dueOn,
					Comparator.nullsLast(Comparator.naturalOrder())))
			.orElse(null);
		return Arrays.asList(plan.partnerId(), partnerName, plan.onboardedOn(), plan.daysSinceOnboarding(),
				plan.status(), plan.statusReason(),
				plan.milestones().stream().filter(m -> m.completedAt() != null).count(), plan.milestones().size(),
				plan.overdue(), next == null ? null : next.name(), next == null ? null : next.dueOn(),
				String.join("; ", plan.blockers().stream().map(b -> b.blocker().name()).toList()),
				plan.targetRegistrations(), plan.targetPipeline(), plan.targetRevenue(), plan.currency(),
				plan.firstRegisteredAt(), plan.firstWonAt());
	}

}
