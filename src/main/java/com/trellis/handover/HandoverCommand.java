package com.trellis.handover;

/**
 * Who takes over a leaver's work: one receiver for everything ({@code toUserId}), or one
 * per kind, which overrides it for that kind (direct reports: their new manager).
 */
public record HandoverCommand(Long toUserId, Long accountsToUserId, Long dealsToUserId, Long leadsToUserId,
		Long partnersToUserId, Long reportsToUserId, Long plansToUserId) {

	public HandoverCommand(Long toUserId, Long accountsToUserId, Long dealsToUserId, Long leadsToUserId,
			Long partnersToUserId) {
		this(toUserId, accountsToUserId, dealsToUserId, leadsToUserId, partnersToUserId, null, null);
	}

	public Long receiverOf(Kind kind) {
		return switch (kind) {
			case ACCOUNTS -> this.accountsToUserId;
			case DEALS -> this.dealsToUserId;
			case LEADS -> this.leadsToUserId;
			case PARTNERS -> this.partnersToUserId;
			case REPORTS -> this.reportsToUserId;
			case PLANS -> this.plansToUserId;
		};
	}

}
