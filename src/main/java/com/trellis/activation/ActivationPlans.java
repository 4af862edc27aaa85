package com.trellis.activation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.FreeText;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activation module's facade for people: a partner's plan and a PAM's book of plans,
 * milestones ticked with evidence, blockers, targets and the admin's template. Plans are
 * created and moved by the records themselves in {@link ActivationProgress}.
 */
@Service
public class ActivationPlans {

	private final ActivationRepository plans;

	private final BlockerRepository blockers;

	private final Partners partners;

	private final AuditLog audit;

	private final Clock clock;

	private final BusinessCalendar calendar;

	ActivationPlans(ActivationRepository plans, BlockerRepository blockers, Partners partners, AuditLog audit,
			Clock clock, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.plans = plans;
		this.blockers = blockers;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ActivationPlanView plan(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		var plan = this.plans.plan(partnerId).orElseThrow(() -> new NotFoundException("Activation plan", partnerId));
		var today = today();
		return view(plan, today, this.plans.milestones(partnerId, today), this.blockers.openBlockers(partnerId));
	}

	private ActivationPlanView view(ActivationRepository.Plan plan, LocalDate today,
			List<ActivationPlanView.Milestone> milestones, List<ActivationPlanView.BlockerView> blockers) {
		var verdict = ActivationVerdict.decide(plan.onboardedOn(), plan.firstRegisteredAt(), plan.firstWonAt(), today,
				this.calendar.zone());
		if (plan.verdict() != null) {
			// a fixed verdict stands, told by its own reason (try12: a partner activated
			// on
			// day 24 read "Activated, final at day 90"); a finished plan has no overdue
			// milestone left to chase
			var fixed = ActivationVerdict.Status.valueOf(plan.verdict());
			verdict = new ActivationVerdict.Verdict(fixed, fixed == verdict.status() ? verdict.reason()
					: "fixed when the " + ActivationVerdict.WINDOW_DAYS + " days ended");
			milestones = milestones.stream().map(ActivationPlanView.Milestone::settled).toList();
		}
		return new ActivationPlanView(plan.partnerId(), plan.onboardedOn(),
				today.toEpochDay() - plan.onboardedOn().toEpochDay(), plan.targetRegistrations(), plan.targetPipeline(),
				plan.targetRevenue(), plan.currency(), plan.firstRegisteredAt(), plan.firstWonAt(),
				verdict.status().name(), verdict.reason(), milestones, blockers);
	}

	/**
	 * The plans of the given partners, in their order, as {@link #plan} gives each: four
	 * statements for the lot (the partners the viewer sees, the plans, their milestones
	 * and open blockers) instead of four per partner. A partner the viewer does not see
	 * or without a plan is refused as {@link #plan} refuses it (404).
	 */
	private List<ActivationPlanView> plans(Viewer viewer, List<Long> partnerIds) {
		var seen = this.partners.names(viewer, partnerIds);
		var plans = this.plans.plans(partnerIds);
		var today = today();
		var milestones = this.plans.milestones(partnerIds, today);
		var blockers = this.blockers.openBlockers(partnerIds);
		var result = new ArrayList<ActivationPlanView>(partnerIds.size());
		for (long id : partnerIds) {
			if (!seen.containsKey(id)) {
				throw new NotFoundException("Partner", id);
			}
			var plan = plans.get(id);
			if (plan == null) {
				throw new NotFoundException("Activation plan", id);
			}
			result.add(view(plan, today, milestones.getOrDefault(id, List.of()), blockers.getOrDefault(id, List.of())));
		}
		return result;
	}

	/**
	 * One page of the plans of the partners in a PAM's book (or of every plan for admins,
	 * executives and sales staff), newest onboarding first, ties by partner id: read a
	 * page at a time so an admin's request does not build every plan of the program.
	 * @throws AccessDeniedException for partner users (they see their own plan only)
	 */
	@Transactional(readOnly = true)
	public PageResult<ActivationPlanView> book(Viewer viewer, PageRequest page) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users see their own plan only");
		}
		var ids = this.plans.page(viewer.is(Role.PAM) ? this.partners.book(viewer.userId()) : null, page);
		return new PageResult<>(plans(viewer, ids.items()), ids.page(), ids.size(), ids.total());
	}

	/**
	 * Refuses a viewer who may not tick the milestone: 404 when they cannot see the
	 * partner's plan, 403 unless they are the partner's PAM, an admin, or (for a
	 * partner-owned milestone) a user of the partner. An unknown milestone passes for
	 * validation to name.
	 */
	@Transactional(readOnly = true)
	public void requireTicks(Viewer viewer, long partnerId, String code) {
		var milestone = plan(viewer, partnerId).milestones().stream().filter(m -> m.code().equals(code)).findFirst();
		if (milestone.isPresent()) {
			requireTicks(viewer, partnerId, milestone.get());
		}
		else if (!this.partners.manages(viewer, partnerId)
				&& !(viewer.isPartnerUser() && viewer.partnerId() == partnerId)) {
			// a code the plan lacks is told only to those who tick some of its milestones
			throw new AccessDeniedException("Only the milestone's owner or the partner's PAM ticks it");
		}
	}

	private void requireTicks(Viewer viewer, long partnerId, ActivationPlanView.Milestone milestone) {
		boolean partnerOwned = "PARTNER".equals(milestone.owner());
		boolean allowed = this.partners.manages(viewer, partnerId)
				|| partnerOwned && viewer.isPartnerUser() && viewer.partnerId() == partnerId;
		if (!allowed) {
			throw new AccessDeniedException("Only the milestone's owner or the partner's PAM ticks it");
		}
	}

	@Transactional
	public ActivationPlanView completeMilestone(Viewer viewer, long partnerId, String code, String evidence) {
		requireTicks(viewer, partnerId, code);
		var view = plan(viewer, partnerId);
		var milestone = view.milestones()
			.stream()
			.filter(m -> m.code().equals(code))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("code", "no milestone " + code + " in this plan"));
		if ("FIRST_REGISTRATION".equals(milestone.source()) || "FIRST_WIN".equals(milestone.source())) {
			throw InvalidInputException.of("code", milestone.name() + " completes itself from the partner's deals");
		}
		requireTicks(viewer, partnerId, milestone);
		FreeText.required("evidence", evidence, FreeText.NOTE, "say what shows the milestone is done");
		if (!this.plans.complete(partnerId, code, viewer.userId(), this.clock.instant(), evidence.strip())) {
			throw new ConflictException("code", milestone.name() + " is complete already");
		}
		this.audit.record(viewer.actor(), "activation-plan", partnerId, "milestone " + code + " completed", null,
				Map.of("evidence", evidence.strip()));
		return plan(viewer, partnerId);
	}

	@Transactional
	public List<ActivationPlanView.BlockerView> recordBlocker(Viewer viewer, long partnerId, Blocker blocker,
			String note) {
		requirePamOrAdmin(viewer, partnerId);
		// a blocker belongs to the partner's activation plan, the page that shows it
		if (this.plans.plan(partnerId).isEmpty()) {
			throw new NotFoundException("Activation plan", partnerId);
		}
		if (blocker == null) {
			throw InvalidInputException.of("blocker", "pick a blocker from the list");
		}
		if (!this.blockers.recordBlocker(partnerId, blocker, FreeText.optional("note", note, FreeText.NOTE),
				viewer.userId(), this.clock.instant())) {
			throw new ConflictException("blocker",
					"'" + blocker.label() + "' is open on this partner already: resolve it before recording it again");
		}
		this.audit.record(viewer.actor(), "partner", partnerId, "blocker recorded: " + blocker.label(), null, null);
		return this.blockers.openBlockers(partnerId);
	}

	@Transactional
	public List<ActivationPlanView.BlockerView> resolveBlocker(Viewer viewer, long partnerId, long blockerId) {
		requirePamOrAdmin(viewer, partnerId);
		if (this.blockers.resolveBlocker(partnerId, blockerId, this.clock.instant()) == 0) {
			throw InvalidInputException.of("blockerId", "no open blocker " + blockerId + " on this partner");
		}
		this.audit.record(viewer.actor(), "partner", partnerId, "blocker resolved", null, null);
		return this.blockers.openBlockers(partnerId);
	}

	@Transactional(readOnly = true)
	public List<TemplateMilestone> template() {
		return this.plans.template();
	}

	/**
	 * The admin edits the template; plans created before keep their milestones. Audited
	 * only when something changed.
	 */
	@Transactional
	public List<TemplateMilestone> editTemplate(Viewer viewer, List<TemplateMilestone> milestones) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin edits the activation template");
		}
		var before = this.plans.template();
		// every unknown or repeated code named by its place, before anything is saved
		// (try12: an unknown code was named "code", a repeated one taken, the last
		// winning)
		var known = before.stream().map(TemplateMilestone::code).collect(java.util.stream.Collectors.toSet());
		var first = new java.util.HashMap<String, Integer>();
		var errors = new ArrayList<InvalidInputException.FieldError>();
		for (int i = 0; i < milestones.size(); i++) {
			var code = milestones.get(i).code();
			var field = "milestones[" + i + "].code";
			if (!known.contains(code)) {
				errors.add(new InvalidInputException.FieldError(field, "no template milestone " + code));
			}
			else if (first.putIfAbsent(code, i) != null) {
				errors.add(new InvalidInputException.FieldError(field,
						"repeats milestones[" + first.get(code) + "]; edit each milestone once"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		milestones.forEach(this.plans::saveTemplate);
		var after = this.plans.template();
		if (!after.equals(before)) {
			this.audit.record(viewer.actor(), "activation-template", "default", "edited", before, after);
		}
		return after;
	}

	@Transactional
	public ActivationPlanView setTargets(Viewer viewer, long partnerId, Targets targets) {
		requirePamOrAdmin(viewer, partnerId);
		plan(viewer, partnerId);
		this.plans.saveTargets(partnerId, targets);
		this.audit.record(viewer.actor(), "activation-plan", partnerId, "targets set", null, targets);
		return plan(viewer, partnerId);
	}

	/** Open blockers across the program, most common first. */
	@Transactional(readOnly = true)
	public Map<Blocker, Long> blockerCounts(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see program figures");
		}
		return this.blockers.blockerCounts();
	}

	private void requirePamOrAdmin(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		if (!this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin records blockers");
		}
	}

	private LocalDate today() {
		return this.calendar.today();
	}

}
