package com.trellis.leads;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.trellis.matching.CompanyIdentity;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.FreeText;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads module's facade. A partner user submits and sees its own partner's leads; a
 * PAM submits for and sees the partners of their book and picks the rep when no account
 * owner matches; a rep sees, accepts or declines and follows up the leads routed to them,
 * a sales manager those of their team; admins and executives see all.
 */
@Service
public class Leads {

	private final LeadRepository leads;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final FollowUpWindow window;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final LeadNotices notices;

	private final LeadScopes scopes;

	private final LeadCandidates candidates;

	private final LeadAcceptance acceptance;

	private final LeadFigureRepository figures;

	private final LeadRouter router;

	Leads(LeadRepository leads, Partners partners, Users users, AuditLog audit, ApplicationEventPublisher events,
			FollowUpWindow window, Clock clock, com.trellis.shared.BusinessCalendar calendar, LeadNotices notices,
			LeadScopes scopes, LeadCandidates candidates, LeadAcceptance acceptance, LeadFigureRepository figures,
			LeadRouter router) {
		this.router = router;
		this.acceptance = acceptance;
		this.figures = figures;
		this.candidates = candidates;
		this.notices = notices;
		this.scopes = scopes;
		this.calendar = calendar;
		this.leads = leads;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.window = window;
		this.clock = clock;
	}

	@Transactional
	public LeadView submit(Viewer viewer, LeadCommand command) {
		long partnerId = this.scopes.submitterPartner(viewer, command);
		checkSubmission(command);
		var registrable = CompanyIdentity.identityDomain(command.companyDomain());
		var normalized = CompanyIdentity.normalizedName(command.companyName());
		var routing = LeadRouting.decide(registrable, normalized, this.candidates.of(registrable, normalized));
		var now = this.clock.instant();
		var due = routing.routed() ? this.window.due(now) : null;
		long id = this.leads.insert(partnerId, viewer.userId(), command, registrable, routing, now, due);
		var created = this.leads.findForUpdate(id, now).orElseThrow().view();
		this.audit.record(viewer.actor(), "partner-lead", id, "submitted: " + routing.reason(), null, created);
		if (routing.routed()) {
			this.events.publishEvent(new LeadRouted(id, partnerId, routing.repId()));
		}
		this.notices.waiting(viewer.userId(), created);
		return shown(viewer, created);
	}

	/**
	 * The checks of a lead's fields that {@link #submit} runs, without changing anything
	 * (a page form names every bad field at once).
	 */
	public void checkSubmission(LeadCommand command) {
		var faults = LeadCommandRule.faults(command);
		if (!faults.isEmpty()) {
			throw new InvalidInputException(faults);
		}
	}

	/**
	 * The checks of accepting the lead that {@link #accept} runs, without changing
	 * anything: those of the command, its partner still bringing business and the account
	 * named when the lead's company matches several ({@link LeadAcceptance#check}).
	 */
	@Transactional(readOnly = true)
	public void checkAcceptance(Viewer viewer, long id, AcceptCommand command) {
		this.acceptance.check(get(viewer, id), command);
	}

	/**
	 * For a leaver's hand-over (program admins only; the caller checks the receiver and
	 * audits the whole hand-over): gives every lead still with one rep (routed, not yet
	 * accepted or declined) to another, as routing it again would: a lead not yet
	 * followed up is the receiver's from now with a new deadline, and one whose deadline
	 * passed stays counted as missed for the leaver ({@code partner_lead_missed_route});
	 * a lead followed up keeps its routing and deadline.
	 * @return the ids of the leads moved
	 */
	@Transactional
	public List<Long> handOverRouted(Viewer viewer, long fromRepId, long toRepId) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin hands over a rep's leads");
		}
		var from = this.users.find(fromRepId).map(u -> u.displayName()).orElse("user " + fromRepId);
		var to = this.users.find(toRepId).map(u -> u.displayName()).orElse("user " + toRepId);
		var now = this.clock.instant();
		return this.leads.handOverRouted(fromRepId, toRepId,
				"Handed over from " + from + " to " + to + " by " + viewer.name(), now, this.window.due(now));
	}

	/** How many leads are with a rep, routed and not yet accepted or declined. */
	@Transactional(readOnly = true)
	public long countRoutedTo(long repId) {
		return this.leads.countRoutedTo(repId);
	}

	/**
	 * The partner's PAM (or an admin) picks the rep, or hands a lead not yet followed up
	 * to another rep ({@link LeadRouter}: refused for a prospect or sunset partner's
	 * lead, 400 naming {@code partnerId}; for a lead decided or followed up already or
	 * with that rep already, 409).
	 */
	@Transactional
	public LeadView route(Viewer viewer, long id, Long repId) {
		return this.router.route(viewer, lockVisible(viewer, id), repId);
	}

	/**
	 * The rep accepts the lead; with {@code openDeal} a partner-sourced deal is opened on
	 * the matching account (the one named by {@code accountId} when the company matches
	 * several; created when none matched), owned by the rep, with the sourced share of
	 * the rules of engagement. A lead of a prospect or sunset partner is not accepted
	 * (400 naming {@code partnerId}).
	 */
	@Transactional
	public LeadView accept(Viewer viewer, long id, AcceptCommand command) {
		var lead = lockVisible(viewer, id);
		requireRepOrManager(viewer, lead);
		var view = lead.view();
		ConflictException.afterInput(() -> this.acceptance.check(view, command), lead.decisionConflict());
		var opened = Boolean.TRUE.equals(command.openDeal()) ? this.acceptance.open(viewer, view, command) : null;
		Long opportunityId = opened == null ? null : opened.opportunityId();
		Long accountId = opened == null ? command.accountId() : Long.valueOf(opened.accountId());
		var now = this.clock.instant();
		this.leads.decide(id, LeadStatus.ACCEPTED, null, opportunityId, accountId, now);
		var after = this.leads.findForUpdate(id, now).orElseThrow().view();
		this.audit.record(viewer.actor(), "partner-lead", id,
				opportunityId == null ? "accepted" : "accepted as deal " + opportunityId, view, after);
		this.notices.decided(after, "ACCEPTED", "Lead accepted: " + StoredFigures.text(after.companyName()),
				"Your lead for " + StoredFigures.text(after.companyName()) + " was accepted"
						+ (opportunityId == null ? "." : " and opened as a partner-sourced deal."));
		return after;
	}

	@Transactional
	public LeadView decline(Viewer viewer, long id, String reason) {
		FreeText.required("reason", reason, FreeText.NOTE, "say why the lead is declined");
		var lead = lockDecidable(viewer, id);
		var now = this.clock.instant();
		this.leads.decide(id, LeadStatus.DECLINED, reason.strip(), null, null, now);
		var after = this.leads.findForUpdate(id, now).orElseThrow().view();
		this.audit.record(viewer.actor(), "partner-lead", id, "declined: " + reason.strip(), lead.view(), after);
		this.notices.decided(after, "DECLINED", "Lead declined: " + StoredFigures.text(after.companyName()),
				"Your lead for " + StoredFigures.text(after.companyName()) + " was declined: "
						+ StoredFigures.text(reason.strip()));
		return after;
	}

	/**
	 * Records the rep's first follow-up with the customer (now), saying what it was by a
	 * note.
	 */
	@Transactional
	public LeadView followUp(Viewer viewer, long id, String note) {
		return followUp(viewer, id, null, note);
	}

	/**
	 * Records the rep's first follow-up with the customer (now): its type (CALL, MEETING,
	 * EMAIL) or a note, or both ({@link FollowUpContent}).
	 */
	@Transactional
	public LeadView followUp(Viewer viewer, long id, String type, String note) {
		var lead = lockVisible(viewer, id);
		requireRepOrManager(viewer, lead);
		var content = ConflictException.afterInput(() -> FollowUpContent.decide(type, note),
				lead.followUpConflict(this.calendar.zone()));
		var now = this.clock.instant();
		this.leads.followUp(id, content.type() == null ? null : content.type().name(), content.note(), now);
		var after = this.leads.findForUpdate(id, now).orElseThrow().view();
		this.audit.record(viewer.actor(), "partner-lead", id, "followed up: " + after.followUpReason(), lead.view(),
				after);
		return after;
	}

	@Transactional(readOnly = true)
	public PageResult<LeadView> search(Viewer viewer, LeadStatus status, PageRequest page) {
		return this.leads.search(this.scopes.of(viewer), status, page, this.clock.instant()).map(l -> shown(viewer, l));
	}

	@Transactional(readOnly = true)
	public LeadView get(Viewer viewer, long id) {
		return this.leads.find(id, this.scopes.of(viewer), this.clock.instant())
			.map(l -> shown(viewer, l))
			.orElseThrow(() -> new NotFoundException("Lead", id));
	}

	/** Whether the viewer may accept, decline or follow up the lead. */
	public boolean canWork(Viewer viewer, LeadView lead) {
		return lead.repId() != null && (viewer.is(Role.ADMIN) || lead.repId() == viewer.userId()
				|| viewer.is(Role.SALES_MANAGER) && this.users.reportsOf(viewer.userId()).contains(lead.repId()));
	}

	/** Whether the viewer may pick or change the rep. */
	public boolean canRoute(Viewer viewer, LeadView lead) {
		return this.partners.manages(viewer, lead.partnerId());
	}

	/**
	 * Per rep, the leads routed to them in [from, to): received, accepted, follow-up due
	 * and followed up in time. For reporting modules that have checked the caller may see
	 * these reps; reps without leads get zeros. A period of whole business days (both
	 * ends start a day in the business zone) is read from the counts kept per rep and day
	 * (V198), any other from the period's leads.
	 */
	@Transactional(readOnly = true)
	public Map<Long, LeadFigures> figuresByRep(Collection<Long> reps, Instant from, Instant to) {
		var fromDay = this.calendar.dayOf(from);
		var untilDay = this.calendar.dayOf(to);
		boolean wholeDays = this.calendar.startOf(fromDay).equals(from) && this.calendar.startOf(untilDay).equals(to);
		var found = wholeDays ? this.figures.figures(reps, from, to, fromDay, untilDay, this.clock.instant())
				: this.figures.figures(reps, from, to, this.clock.instant());
		reps.forEach(rep -> found.putIfAbsent(rep, LeadFigures.none(rep)));
		return found;
	}

	/** The follow-up window, as configured. */
	public String followUpRule() {
		return this.window.rule();
	}

	private Lead lockVisible(Viewer viewer, long id) {
		get(viewer, id);
		return this.leads.findForUpdate(id, this.clock.instant()).orElseThrow(() -> new NotFoundException("Lead", id));
	}

	private Lead lockDecidable(Viewer viewer, long id) {
		var lead = lockVisible(viewer, id);
		requireRepOrManager(viewer, lead);
		lead.checkDecidable();
		return lead;
	}

	private void requireRepOrManager(Viewer viewer, Lead lead) {
		if (!canWork(viewer, lead.view())) {
			throw new AccessDeniedException("Only the rep the lead is routed to, their manager or an admin works it");
		}
	}

	private static LeadView shown(Viewer viewer, LeadView lead) {
		return viewer.isPartnerUser() ? lead.forPartner() : lead;
	}

}
