package com.trellis.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.shared.MinorUnits;

/**
 * An account plan with its actions (earliest due first) as its readers see it; a closed
 * plan has its outcome, the note on it, who closed it and when.
 */
public record PlanView(long id, long partnerId, String partnerName, long accountId, String accountName, String title,
		BigDecimal pipelineGoal, BigDecimal revenueGoal, String currency, LocalDate startsOn, LocalDate endsOn,
		long vendorOwnerId, String vendorOwnerName, long partnerContactId, String partnerContactName, String status,
		Instant createdAt, Instant updatedAt, PlanOutcome outcome, String outcomeNote, String closedByName,
		Instant closedAt, List<Action> actions) {

	/** Goals at the currency's minor unit. */
	public PlanView {
		pipelineGoal = MinorUnits.round(pipelineGoal, currency);
		revenueGoal = MinorUnits.round(revenueGoal, currency);
	}

	/** Whether the plan is still open (not achieved or abandoned). */
	public boolean open() {
		return "OPEN".equals(this.status);
	}

	/**
	 * One action of the plan; who marked it done and when (null while not done, or when
	 * done before this was kept).
	 */
	public record Action(long id, String description, PlanSide side, LocalDate dueOn, ActionStatus status,
			String doneByName, Instant doneAt) {
	}

}
