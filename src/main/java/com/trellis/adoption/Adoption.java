package com.trellis.adoption;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.leads.Leads;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.FreeText;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adoption module's facade. A rep sees their own figures, a manager their team's,
 * leadership and admins every rep's; partner users none.
 */
@Service
public class Adoption {

	/** The open deals the pipeline review lists (the first by close date). */
	static final int REVIEWED = 100;

	private static final java.util.Set<String> NEEDED = java.util.Set.of("PARTNER_SOURCED_REVENUE", "WIN_RATE");

	private final AdoptionRepository adoption;

	private final CouldHelp couldHelp;

	private final Users users;

	private final Deals deals;

	private final Accounts accounts;

	private final Kpis kpis;

	private final AuditLog audit;

	private final Leads leads;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final org.springframework.context.ApplicationEventPublisher events;

	Adoption(AdoptionRepository adoption, CouldHelp couldHelp, Users users, Deals deals, Accounts accounts, Kpis kpis,
			AuditLog audit, Leads leads, Clock clock, com.trellis.shared.BusinessCalendar calendar,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.couldHelp = couldHelp;
		this.calendar = calendar;
		this.leads = leads;
		this.adoption = adoption;
		this.users = users;
		this.deals = deals;
		this.accounts = accounts;
		this.kpis = kpis;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RepAdoption> reps(Viewer viewer, Period period) {
		var reps = repsVisibleTo(viewer);
		var from = this.calendar.startOf(period.from());
		var to = this.calendar.startOf(period.until());
		var leads = this.leads.figuresByRep(reps, from, to);
		return this.adoption.byRep(reps, from, to, period.from(), period.until())
			.stream()
			.map(r -> r.withLeads(leads.get(r.repId())))
			.toList();
	}

	/**
	 * Partner adoption per team over a period ({@link TeamAdoption}): the reps the viewer
	 * sees ({@link #reps}) by the team set on each. A rep sees their own team's row with
	 * only their own figures; a manager their team; leadership every team.
	 */
	@Transactional(readOnly = true)
	public List<TeamAdoption> teams(Viewer viewer, Period period) {
		return TeamAdoption.of(reps(viewer, period));
	}

	/**
	 * Each open deal of the manager's team, whether a partner is on it, and who could
	 * help.
	 */
	@Transactional(readOnly = true)
	public List<ReviewLine> pipelineReview(Viewer viewer) {
		if (!viewer.is(Role.SALES_MANAGER, Role.ADMIN)) {
			throw new AccessDeniedException("The pipeline review is the sales manager's");
		}
		var team = viewer.is(Role.ADMIN) ? repsVisibleTo(viewer) : this.users.reportsOf(viewer.userId());
		var lines = new ArrayList<ReviewLine>();
		// the review shows its 100 deals closing soonest and no count: read in that
		// order (the deal search with an open filter counted a list page ahead and
		// sorted every open deal of the team, ~210,000 for an admin's, to keep 100)
		var review = this.deals.firstOpenOwnedBy(viewer, team, REVIEWED);
		// the accounts of the deals without a partner and the prompted deals, each read
		// once for the whole review (they were read deal by deal: 200 statements); the
		// viewer is vendor staff, who read any account (Accounts.get)
		var profiles = this.accounts.profiles(
				review.stream().filter(deal -> deal.partnerId() == null).map(OpportunityView::accountId).toList());
		var prompted = this.adoption.prompted(review.stream().map(OpportunityView::id).toList());
		// the partners who could help depend on the account's industry only: every
		// industry of the review in one statement
		var couldHelp = this.couldHelp.byIndustry(profiles.values().stream().map(p -> p.industry()).toList(), 3);
		for (var deal : review) {
			List<Map<String, Object>> candidates = List.of();
			if (deal.partnerId() == null) {
				var industry = profiles.get(deal.accountId()).industry();
				candidates = industry == null ? List.of() : couldHelp.get(industry);
			}
			lines.add(new ReviewLine(deal.id(), deal.name(), deal.accountName(), deal.ownerId(), deal.stage().label(),
					deal.partnerId() != null, prompted.contains(deal.id()), candidates));
		}
		return lines;
	}

	/**
	 * A manager prompts the deal's rep to bring a partner in; a partner added afterwards
	 * counts as compliance. A prompt stays open until a partner is put on the deal
	 * (V171); while one is open for the deal and its rep, a repeated prompt (a double
	 * click, two requests at once) stores nothing and says so. A stored prompt reaches
	 * the rep as a staff notice ({@link PartnerPromptNotice}), in the inbox and by the
	 * channels the rep keeps. A closed deal or one with a partner is refused (409), also
	 * when the partner is put on or the deal closed while the prompt is written.
	 */
	@Transactional
	public PromptOutcome prompt(Viewer viewer, long opportunityId, Long partnerId, String note) {
		var deal = requirePrompter(viewer, opportunityId);
		if (deal.partnerId() != null) {
			throw new ConflictException("opportunityId", "the deal already has a partner");
		}
		if (deal.stage().isClosed()) {
			throw new ConflictException("opportunityId", "the deal is closed");
		}
		String partnerName = null;
		if (partnerId != null) {
			partnerName = this.adoption.partnerName(partnerId)
				.orElseThrow(() -> InvalidInputException.of("partnerId", "no partner has the id " + partnerId));
		}
		var text = FreeText.optional("note", note, FreeText.NOTE);
		var id = this.adoption.prompt(opportunityId, viewer.userId(), deal.ownerId(), partnerId, text,
				this.clock.instant());
		if (id.isEmpty()) {
			// a partner put on the deal or the deal closed since it was read above
			this.adoption.refusal(opportunityId).ifPresent(reason -> {
				throw new ConflictException("opportunityId", reason);
			});
		}
		if (id.isEmpty()) {
			return new PromptOutcome(opportunityId, false,
					"The rep was already prompted on this deal and has not brought a partner in yet; nothing changed");
		}
		this.audit.record(viewer.actor(), "opportunity", opportunityId, "partner prompt " + id.get(), null,
				java.util.Collections.singletonMap("suggestedPartnerId", partnerId));
		this.events.publishEvent(new PartnerPromptNotice(id.get(), opportunityId, deal.name(), deal.accountName(),
				viewer.name(), partnerName, text)
			.noticeTo(deal.ownerId()));
		return new PromptOutcome(opportunityId, true, "The rep was prompted");
	}

	/**
	 * Refuses a viewer who may not prompt on the deal: 404 when they cannot see it, 403
	 * unless they are the sales manager of its owner.
	 */
	@Transactional(readOnly = true)
	public OpportunityView requirePrompter(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		if (!(viewer.is(Role.SALES_MANAGER) && this.users.reportsOf(viewer.userId()).contains(deal.ownerId()))) {
			throw new AccessDeniedException("Only the rep's sales manager prompts on this deal");
		}
		return deal;
	}

	/** Adoption problem or partner problem, for the whole program, with the evidence. */
	@Transactional(readOnly = true)
	public AdoptionDiagnosis.Diagnosis diagnosis(Viewer viewer) {
		requireDiagnosisViewer(viewer);
		var now = this.clock.instant();
		// the quarter so far against the same elapsed part of the quarter before: whole
		// business days, so an unfinished quarter is never compared with a whole one
		var quarter = this.calendar.currentQuarter();
		var earlier = quarter.previous();
		long elapsed = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(quarter.start(), this.calendar.today()));
		var current = byCode(this.kpis.compute(viewer, Period.until(quarter.start(), quarter.start().plusDays(elapsed)),
				Slice.PROGRAM, NEEDED));
		var sameSpanBefore = earlier.start().plusDays(elapsed);
		var before = byCode(this.kpis.compute(viewer,
				Period.until(earlier.start(), sameSpanBefore.isAfter(earlier.end()) ? earlier.end() : sameSpanBefore),
				Slice.PROGRAM, java.util.Set.of("PARTNER_SOURCED_REVENUE")));
		var compared = new AdoptionDiagnosis.Compared(quarter.label(), elapsed, earlier.label());
		long[] idle = this.adoption.idleCapable(this.calendar.daysBefore(now, 90));
		return AdoptionDiagnosis.decide(current.get("PARTNER_SOURCED_REVENUE").value(),
				before.get("PARTNER_SOURCED_REVENUE").value(), idle[0], idle[1], current.get("WIN_RATE").value(),
				current.get("WIN_RATE").baseline(), compared);
	}

	/** Refuses partner users and reps: the diagnosis is the program's. */
	void requireDiagnosisViewer(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.EXECUTIVE, Role.SALES_MANAGER, Role.PAM)) {
			throw new AccessDeniedException("Partner users and reps do not see the program diagnosis");
		}
	}

	/**
	 * Refuses a viewer who may not see rep adoption (partner users), before any of the
	 * request's parameters are checked.
	 */
	public void mayView(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see rep adoption");
		}
	}

	private List<Long> repsVisibleTo(Viewer viewer) {
		mayView(viewer);
		if (viewer.is(Role.AE)) {
			return List.of(viewer.userId());
		}
		if (viewer.is(Role.SALES_MANAGER)) {
			return this.users.reportsOf(viewer.userId());
		}
		return this.users.withRole(Role.AE).stream().map(u -> u.id()).toList();
	}

	private static Map<String, com.trellis.metrics.Kpi> byCode(List<com.trellis.metrics.Kpi> kpis) {
		var map = new java.util.HashMap<String, com.trellis.metrics.Kpi>();
		kpis.forEach(k -> map.put(k.code(), k));
		return map;
	}

	/**
	 * What a prompt did: {@code stored} false when an open prompt for the deal and its
	 * rep was there already (nothing changed); {@code message} says which, in words.
	 */
	public record PromptOutcome(long opportunityId, boolean stored, String message) {
	}

	/**
	 * One open deal in the pipeline review.
	 */
	public record ReviewLine(long opportunityId, String name, String account, long ownerId, String stage,
			boolean partnerEngaged, boolean prompted, List<Map<String, Object>> couldHelp) {
	}

}
