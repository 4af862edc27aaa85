package com.trellis.registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.shared.MinorUnits;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A registration as its partner, the PAM and the API see it. {@code statusReason} is
 * written for the registrant and never names another partner.
 *
 * @param slaDueAt when the approval decision is due (the approval SLA in business days);
 * null once the registration has ended ({@link RegistrationStatus#ended()}: rejected,
 * expired, withdrawn, or ended with its deal won or lost), which awaits no decision
 * @param protectionEndsAt when its protection of the customer ends; null while it does
 * not protect yet (on hold) and once it has ended, which protects nothing
 */
public record RegistrationView(long id, long partnerId, long registeredBy, Long accountId, String customerName,
		String customerDomain, String customerNeed, BigDecimal amount, String currency, LocalDate expectedCloseDate,
		CreditType creditType, BigDecimal partnerShare, RegistrationStatus status, String statusReason,
		boolean conflict, Instant submittedAt,
		@Schema(description = "When the approval decision is due; null once the registration has ended "
				+ "(REJECTED, EXPIRED, WITHDRAWN, DEAL_LOST, DEAL_WON)") Instant slaDueAt,
		@Schema(description = "When the protection of the customer ends; null while on hold and once the "
				+ "registration has ended (REJECTED, EXPIRED, WITHDRAWN, DEAL_LOST, DEAL_WON)") Instant protectionEndsAt,
		boolean extended, Instant approvedAt, Long opportunityId) {

	/**
	 * Each amount at its currency's minor unit, whatever scale it was read with; an ended
	 * registration without a decision deadline or a protection, whatever moments its row
	 * kept.
	 */
	public RegistrationView {
		amount = MinorUnits.round(amount, currency);
		if (status != null && status.ended()) {
			slaDueAt = null;
			protectionEndsAt = null;
		}
	}

	/** Registration velocity: time from submission to the approved opportunity. */
	public Duration timeToApproval() {
		return this.approvedAt == null ? null : Duration.between(this.submittedAt, this.approvedAt);
	}

	public boolean slaBreached(Instant now) {
		return this.status == RegistrationStatus.PENDING && this.slaDueAt != null && this.slaDueAt.isBefore(now);
	}

}
