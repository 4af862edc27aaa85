package com.trellis.leads;

import java.time.format.DateTimeFormatter;

import com.trellis.notify.StaffNotice;
import com.trellis.notify.StaffNoticeKind;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Work a lead brings to vendor staff: the partner's PAM routes a lead that matched no
 * account owner; the rep it is routed to follows up by its deadline. Nobody is told of
 * their own action.
 */
@Component
class LeadNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
				this.events.publishEvent(new StaffNotice("lead:" + lead.id() + ":TO_ROUTE:user:" + pam, pam,
						StaffNoticeKind.LEAD_TO_ROUTE, "Lead to route: " + lead.companyName(),
						"A partner lead for " + lead.companyName() + " matched no account owner: pick the rep.",
						"/leads/" + lead.id()));
			}
		}
		else if (lead.status() == LeadStatus.ROUTED && lead.repId() != null && lead.repId() != actorId) {
			var due = lead.followUpDueAt() == null ? ""
					: " Follow up by " + WHEN.format(lead.followUpDueAt().atZone(this.calendar.zone())) + " ("
							+ this.calendar.zone().getId() + ").";
			this.events.publishEvent(new StaffNotice(
					"lead:" + lead.id() + ":ROUTED:" + (lead.routedAt() == null ? 0 : lead.routedAt().toEpochMilli())
							+ ":user:" + lead.repId(),
					lead.repId(), StaffNoticeKind.LEAD_ROUTED, "Lead routed to you: " + lead.companyName(),
					"A partner lead for " + lead.companyName() + " is yours to accept or decline." + due,
					"/leads/" + lead.id()));
		}
	}

}
