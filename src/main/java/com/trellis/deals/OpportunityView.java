package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.shared.Money;
import com.trellis.shared.MinorUnits;

/**
 * A deal as other modules and the API see it.
 */
public record OpportunityView(long id, long accountId, String accountName, String name, BigDecimal amount,
		String currency, Stage stage, LocalDate closeDate, long ownerId, DealSource source, Long partnerId,
		CreditType creditType, BigDecimal partnerShare, Instant stageEnteredAt, Instant createdAt, Instant closedAt) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public OpportunityView {
		amount = MinorUnits.round(amount, currency);
	}

	public Money money() {
		return Money.of(this.amount, this.currency);
	}

	public boolean partnerInvolved() {
		return this.partnerId != null;
	}

}
