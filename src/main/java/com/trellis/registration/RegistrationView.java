package com.trellis.registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.shared.MinorUnits;

/**
 * A registration as its partner, the PAM and the API see it. {@code statusReason} is
 * written for the registrant and never names another partner.
 */
public record RegistrationView(long id, long partnerId, long registeredBy, Long accountId, String customerName,
		String customerDomain, String customerNeed, BigDecimal amount, String currency, LocalDate expectedCloseDate,
		CreditType creditType, BigDecimal partnerShare, RegistrationStatus status, String statusReason,
		boolean conflict, Instant submittedAt, Instant slaDueAt, Instant protectionEndsAt, boolean extended,
		Instant approvedAt, Long opportunityId) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public RegistrationView {
		amount = MinorUnits.round(amount, currency);
	}

	/** Registration velocity: time from submission to the approved opportunity. */
	public Duration timeToApproval() {
		return this.approvedAt == null ? null : Duration.between(this.submittedAt, this.approvedAt);
	}

	public boolean slaBreached(Instant now) {
		return this.status == RegistrationStatus.PENDING && this.slaDueAt != null && this.slaDueAt.isBefore(now);
	}

}
