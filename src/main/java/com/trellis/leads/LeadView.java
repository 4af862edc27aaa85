package com.trellis.leads;

import java.time.Instant;

/**
 * A lead as the API and pages show it. A partner user's copy leaves out the vendor's
 * side: the matched account, why it was routed there, and the rep's follow-up note.
 *
 * @param followUp the follow-up verdict: NOT_ROUTED, PENDING, IN_TIME, LATE, OVERDUE or
 * NOT_NEEDED (declined before the deadline without a follow-up; declined after it without
 * one reads LATE)
 */
public record LeadView(long id, long partnerId, long submittedBy, String companyName, String companyDomain,
		String contactName, String contactEmail, String note, LeadStatus status, String routingReason, Long accountId,
		Long repId, Instant submittedAt, Instant routedAt, Instant followUpDueAt, Instant decidedAt,
		String declineReason, Long opportunityId, Instant firstFollowUpAt, String followUpNote, String followUp,
		String followUpReason, String followUpType) {

	LeadView forPartner() {
		var reason = this.status == LeadStatus.SUBMITTED ? "Waiting for your partner manager to pick a rep"
				: "With an account executive";
		return new LeadView(this.id, this.partnerId, this.submittedBy, this.companyName, this.companyDomain,
				this.contactName, this.contactEmail, this.note, this.status, reason, null, this.repId, this.submittedAt,
				this.routedAt, this.followUpDueAt, this.decidedAt, this.declineReason, this.opportunityId,
				this.firstFollowUpAt, null, this.followUp, this.followUpReason, null);
	}

}
