package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One click from the AE view: the deal's owner, the owner's managers or an admin puts a
 * partner present at the account on an open direct deal as influencer or co-seller. Who
 * may is decided before what is sent is looked at; the change is audited and recorded as
 * the rep's attachment ({@link PartnerAttached}).
 */
@Service
public class AttachPartner {

	private final Deals deals;

	private final OpportunityRepository opportunities;

	private final CreditRepository credits;

	private final PartnerAttachments attachments;

	private final Partners partners;

	private final DealRules rules;

	private final AuditLog audit;

	private final Clock clock;

	AttachPartner(Deals deals, OpportunityRepository opportunities, CreditRepository credits,
			PartnerAttachments attachments, Partners partners, DealRules rules, AuditLog audit, Clock clock) {
		this.rules = rules;
		this.deals = deals;
		this.opportunities = opportunities;
		this.credits = credits;
		this.attachments = attachments;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Refuses a viewer who may not put a partner on the deal: 404 when they cannot see
	 * it, 403 unless they change it (its owner, the owner's managers, an admin).
	 */
	@Transactional(readOnly = true)
	public OpportunityView requireAttaches(Viewer viewer, long opportunityId) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("The field puts a partner on a deal");
		}
		var deal = this.deals.get(viewer, opportunityId);
		if (!this.deals.canEdit(viewer, deal)) {
			throw new AccessDeniedException("Only the deal's owner, their managers or an admin put a partner on it");
		}
		return deal;
	}

	/**
	 * Puts the partner on the deal with the credit and the program's share for it. A deal
	 * that has this partner already, another partner, or is closed is refused.
	 */
	@Transactional
	public OpportunityView attach(Viewer viewer, long opportunityId, Long partnerId, CreditType creditType,
			BigDecimal share) {
		requireAttaches(viewer, opportunityId);
		// the partner and the credit are each named when wrong, in one answer
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		if (partnerId == null) {
			errors.add(new InvalidInputException.FieldError("partnerId", "must name the partner to attach"));
		}
		else if (this.partners.names(viewer, List.of(partnerId)).isEmpty()) {
			errors.add(new InvalidInputException.FieldError("partnerId", "no partner with id " + partnerId));
		}
		else {
			this.rules.keptOut(viewer, partnerId).ifPresent(errors::add);
		}
		if (creditType == null || creditType == CreditType.SOURCED) {
			errors.add(new InvalidInputException.FieldError("creditType",
					"must be INFLUENCED or CO_SELL: a partner joining a direct deal influences or co-sells it"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var before = this.opportunities.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		if (before.stage().isClosed()) {
			throw InvalidInputException.of("opportunityId",
					"the deal is " + before.stage().label().toLowerCase() + "; a partner joins an open deal");
		}
		if (before.partnerId() != null) {
			throw new ConflictException("partnerId", before.partnerId().equals(partnerId)
					? "this partner is on the deal already" : "the deal has another partner already");
		}
		var now = this.clock.instant();
		this.credits.attachPartner(opportunityId, partnerId, creditType, share, now);
		this.attachments.record(opportunityId, partnerId, viewer.userId(), now,
				viewer.is(com.trellis.identity.Role.ADMIN) ? PartnerAttachments.Via.ADMIN : PartnerAttachments.Via.REP,
				creditType);
		var after = this.opportunities.findForUpdate(opportunityId).orElseThrow();
		this.audit.record(viewer.actor(), "opportunity", opportunityId, "partner attached from the AE view", before,
				after);
		return this.deals.get(viewer, opportunityId);
	}

}
