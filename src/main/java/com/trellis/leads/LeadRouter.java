package com.trellis.leads;

import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Routing a lead ({@link Leads#route}): the partner's PAM or an admin picks the rep, or
 * hands a lead not yet followed up to another rep, which gets a new deadline. The checks
 * are {@link RouteCheck}'s and {@link Lead#routingConflict}'s: a lead of a prospect or
 * sunset partner is not routed (400 naming {@code partnerId}), nor one decided or
 * followed up already, nor to the rep it is with (409). A lead handed on after its
 * deadline passed without a follow-up keeps that miss for the rep it was with
 * ({@code partner_lead_missed_route}, V311), counted in their figures. Split from
 * {@link Leads}.
 */
@Component
class LeadRouter {

	private final LeadRepository leads;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final FollowUpWindow window;

	private final Clock clock;

	private final LeadNotices notices;

	LeadRouter(LeadRepository leads, Partners partners, Users users, AuditLog audit, ApplicationEventPublisher events,
			FollowUpWindow window, Clock clock, LeadNotices notices) {
		this.leads = leads;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.window = window;
		this.clock = clock;
		this.notices = notices;
	}

	/** Routes the lead, locked and visible to the viewer, to the rep. */
	LeadView route(Viewer viewer, Lead lead, Long repId) {
		var before = lead.view();
		if (!this.partners.manages(viewer, before.partnerId())) {
			throw new AccessDeniedException("Only the partner's PAM or an admin routes a lead");
		}
		var rep = ConflictException.afterInput(() -> RouteCheck.rep(this.users, this.partners, before, repId),
				lead.routingConflict(repId));
		var now = this.clock.instant();
		var reason = "Routed to " + rep.displayName() + " by " + viewer.name();
		if (lead.missedAt(now)) {
			this.leads.keepMissedRoute(before, now);
			var earlier = this.users.find(before.repId()).map(u -> u.displayName()).orElse("user " + before.repId());
			reason += "; " + earlier + " missed its follow-up deadline";
		}
		this.leads.route(lead.id(), repId, reason, now, this.window.due(now));
		var after = this.leads.findForUpdate(lead.id(), now).orElseThrow().view();
		this.audit.record(viewer.actor(), "partner-lead", lead.id(), "routed to rep " + repId, before, after);
		this.events.publishEvent(new LeadRouted(lead.id(), after.partnerId(), repId));
		this.notices.waiting(viewer.userId(), after);
		return after;
	}

}
