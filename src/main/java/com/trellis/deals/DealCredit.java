package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's place on a deal as other modules decide it: the deal an approved
 * registration opens, a partner put on a direct deal after a collision, and a credit
 * changed by an upheld dispute. The callers have checked the caller's right; each change
 * is recorded as a partner attachment or a correction and audited with the deal before
 * and after. Split from {@link Deals}.
 */
@Service
public class DealCredit {

	private final OpportunityRepository deals;

	private final CreditRepository credits;

	private final CorrectionRepository corrections;

	private final PartnerAttachments attachments;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DealCredit(OpportunityRepository deals, CreditRepository credits, CorrectionRepository corrections,
			PartnerAttachments attachments, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.deals = deals;
		this.credits = credits;
		this.corrections = corrections;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Opens the deal of an approved registration at the first stage. The registration
	 * module has checked the caller's right to approve and the deal's fields.
	 * @return the new deal's id
	 */
	@Transactional
	public long openForRegistration(AuditLog.Actor actor, RegisteredDeal deal) {
		var source = deal.creditType() == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
		var command = new OpportunityCommand(deal.accountId(), deal.name(), deal.amount(), deal.currency(),
				Stage.REGISTERED, deal.closeDate(), deal.ownerId(), source, deal.partnerId(), deal.creditType(),
				deal.partnerShare());
		var now = this.clock.instant();
		long id = this.deals.insert(command, deal.ownerId(), now);
		this.deals.recordStageChange(id, null, Stage.REGISTERED, actor.userId(), now);
		this.attachments.record(id, deal.partnerId(), actor.userId(), now, PartnerAttachments.Via.REGISTRATION,
				deal.creditType());
		this.audit.record(actor, "opportunity", id, "opened from deal registration", null,
				this.deals.findForUpdate(id).orElseThrow());
		return id;
	}

	/**
	 * Puts a partner on an open direct deal as influencer or co-seller (a PAM's decision
	 * on a registration that collided with the deal). The rep keeps the deal and full
	 * quota credit. Refused with a conflict when the deal is closed or has a partner, and
	 * as invalid {@code creditType} for sourced credit.
	 */
	@Transactional
	public void attachPartner(AuditLog.Actor actor, long opportunityId, long partnerId, CreditType creditType,
			BigDecimal share) {
		var before = this.deals.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		if (before.partnerId() != null || before.stage().isClosed()) {
			throw new ConflictException("opportunityId", "the deal is closed or already has a partner");
		}
		if (creditType == CreditType.SOURCED) {
			throw InvalidInputException.of("creditType", "a partner joining a direct deal influences or co-sells it");
		}
		var now = this.clock.instant();
		this.credits.attachPartner(opportunityId, partnerId, creditType, share, now);
		this.attachments.record(opportunityId, partnerId, actor.userId(), now, PartnerAttachments.Via.PAM, creditType);
		this.audit.record(actor, "opportunity", opportunityId, "partner attached", before,
				this.deals.findForUpdate(opportunityId).orElseThrow());
	}

	/**
	 * Changes a partner deal's credit ({@code share} in percent); only an upheld credit
	 * dispute calls this. The rep keeps the deal and full quota credit whatever the
	 * partner's share. On a won deal the change is also a correction, announced as
	 * {@link DealCorrected}.
	 */
	@Transactional
	public void changeCredit(AuditLog.Actor actor, long opportunityId, CreditType creditType, BigDecimal share,
			String why) {
		var before = this.deals.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		var source = creditType == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
		var now = this.clock.instant();
		this.credits.changeCredit(opportunityId, creditType, share, source, now);
		var after = this.deals.findForUpdate(opportunityId).orElseThrow();
		this.audit.record(actor, "opportunity", opportunityId, why, before, after);
		if (before.stage() == Stage.CLOSED_WON) {
			long correction = this.corrections.insert(opportunityId, "CREDIT", credit(before), credit(after), why,
					actor.userId(), now);
			this.events.publishEvent(new DealCorrected(correction, opportunityId, after.partnerId(), true));
		}
	}

	private static String credit(OpportunityView deal) {
		return deal.creditType() + " " + deal.partnerShare().toPlainString() + "%";
	}

}
