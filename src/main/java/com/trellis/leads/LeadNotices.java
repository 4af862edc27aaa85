package com.trellis.leads;

import com.trellis.notify.PartnerNotice;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Work a lead brings to vendor staff: the partner's PAM routes a lead that matched no
 * account owner; the rep it is routed to follows up by its deadline. Nobody is told of
 * their own action. The partner is told when its lead is accepted or declined.
 */
@Component
class LeadNotices {

	private final Partners partners;

	private final ApplicationEventPublisher events;

	private final BusinessCalendar calendar;

	LeadNotices(Partners partners, ApplicationEventPublisher events, BusinessCalendar calendar) {
		this.partners = partners;
		this.events = events;
		this.calendar = calendar;
	}

	/** Tells the PAM (or the rep) what the lead now needs from them. */
	void waiting(long actorId, LeadView lead) {
		if (lead.status() == LeadStatus.SUBMITTED) {
			var pam = this.partners.ownerPam(lead.partnerId()).orElse(null);
			if (pam != null && pam != actorId) {
				this.events.publishEvent(wording(lead).toRouteBy(pam));
			}
		}
		else if (lead.status() == LeadStatus.ROUTED && lead.repId() != null && lead.repId() != actorId) {
			this.events.publishEvent(wording(lead).routedTo(lead.repId(), this.calendar.zone()));
		}
	}

	/**
	 * Tells the lead's partner of the rep's decision ({@code ACCEPTED} or
	 * {@code DECLINED}).
	 */
	void decided(LeadView lead, String outcome, String subject, String body) {
		this.events.publishEvent(new PartnerNotice("lead:" + lead.id() + ":" + outcome, lead.partnerId(),
				"LEAD_" + outcome, subject, body, "/leads/" + lead.id()));
	}

	private static LeadWaiting wording(LeadView lead) {
		return new LeadWaiting(lead.id(), lead.companyName(), lead.routedAt(), lead.followUpDueAt());
	}

}
