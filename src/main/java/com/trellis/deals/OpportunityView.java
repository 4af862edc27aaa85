package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.shared.Money;

/**
 * A deal as other modules and the API see it.
 */
public record OpportunityView(long id, long accountId, String accountName, String name, BigDecimal amount,
		String currency, Stage stage, LocalDate closeDate, long ownerId, DealSource source, Long partnerId,
		CreditType creditType, BigDecimal partnerShare, Instant stageEnteredAt, Instant createdAt, Instant closedAt) {

	public Money money() {
		return Money.of(this.amount, this.currency);
	}

	public boolean partnerInvolved() {
		return this.partnerId != null;
	}

}
