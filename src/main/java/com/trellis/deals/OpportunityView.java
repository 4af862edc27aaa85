package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.trellis.shared.Money;
import com.trellis.shared.MinorUnits;

/**
 * A deal as other modules and the API see it. {@code amountUnknown}: the deal came from a
 * CRM export without an amount (an open deal); {@link #amount()} is then 0, so sums and
 * weighted figures count nothing for it, and the API's {@code amount} is {@code null}.
 */
public record OpportunityView(long id, long accountId, String accountName, String name, @JsonIgnore BigDecimal amount,
		String currency, Stage stage, LocalDate closeDate, long ownerId, DealSource source, Long partnerId,
		CreditType creditType, BigDecimal partnerShare, Instant stageEnteredAt, Instant createdAt, Instant closedAt,
		boolean amountUnknown) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public OpportunityView {
		amount = MinorUnits.round(amount, currency);
	}

	/** A deal whose amount is known. */
	public OpportunityView(long id, long accountId, String accountName, String name, BigDecimal amount, String currency,
			Stage stage, LocalDate closeDate, long ownerId, DealSource source, Long partnerId, CreditType creditType,
			BigDecimal partnerShare, Instant stageEnteredAt, Instant createdAt, Instant closedAt) {
		this(id, accountId, accountName, name, amount, currency, stage, closeDate, ownerId, source, partnerId,
				creditType, partnerShare, stageEnteredAt, createdAt, closedAt, false);
	}

	/** The amount as the API shows it: {@code null} when unknown. */
	@JsonProperty("amount")
	public BigDecimal shownAmount() {
		return this.amountUnknown ? null : this.amount;
	}

	public Money money() {
		return Money.of(this.amount, this.currency);
	}

	public boolean partnerInvolved() {
		return this.partnerId != null;
	}

}
