package com.trellis.activation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.deals.DealClosed;
import com.trellis.deals.PartnerOutcomes;
import com.trellis.deals.OpportunityView;
import com.trellis.enablement.EnablementCompleted;
import com.trellis.notify.PartnerNotice;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerLifecycleChanged;
import com.trellis.partners.Partners;
import com.trellis.registration.DealRegistered;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CountingWins;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activation plans moved by the records: a plan is created when a partner enters
 * onboarding (and by the daily pass for any onboarded partner without one), the first
 * registration and first counting win complete their milestones, a completed track
 * completes the training milestone, and the verdict is fixed once day 90 has passed.
 * Every step is idempotent: a repeated event or a second run changes nothing.
 */
@Service
public class ActivationProgress {

	private final ActivationRepository plans;

	private final Partners partners;

	private final PartnerOutcomes outcomes;

	private final Registrations registrations;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BusinessCalendar calendar;

	private final CountingWins counting;

	ActivationProgress(ActivationRepository plans, Partners partners, PartnerOutcomes outcomes,
			Registrations registrations, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			BusinessCalendar calendar, CountingWins counting) {
		this.plans = plans;
		this.partners = partners;
		this.outcomes = outcomes;
		this.registrations = registrations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.calendar = calendar;
		this.counting = counting;
	}

	@ApplicationModuleListener
	void on(PartnerLifecycleChanged event) {
		if (event.to() == LifecycleStatus.ONBOARDING && event.onboardedOn() != null) {
			start(event.partnerId(), event.onboardedOn());
		}
	}

	/**
	 * In the registration's own transaction (not an asynchronous listener): what it
	 * changes — the first registration and the verdict that follows from it — is derived
	 * from the registration alone, so it commits exactly when the registration does (no
	 * event publication row, no three listener transactions, nothing to repeat after a
	 * crash or on a second instance). Most registrations change nothing: the partner has
	 * no plan, or its first registration is recorded and no verdict is due; those cost
	 * one read of the plan.
	 */
	@EventListener
	void on(DealRegistered event) {
		var plan = this.plans.plan(event.partnerId()).orElse(null);
		if (plan == null) {
			return;
		}
		boolean verdictDue = plan.verdict() == null && ActivationVerdict
			.decide(plan.onboardedOn(), plan.firstRegisteredAt(), plan.firstWonAt(), today(), this.calendar.zone())
			.status() != ActivationVerdict.Status.IN_PROGRESS;
		if (plan.firstRegisteredAt() == null || verdictDue) {
			refresh(event.partnerId());
		}
	}

	@ApplicationModuleListener
	void on(EnablementCompleted event) {
		if (this.plans.plan(event.partnerId()).isPresent()
				&& this.plans.complete(event.partnerId(), "TRAINING_COMPLETE", null, this.clock.instant(),
						"a partner user completed the " + event.role() + " track")) {
			this.audit.record(AuditLog.Actor.SYSTEM, "activation-plan", event.partnerId(),
					"milestone TRAINING_COMPLETE completed", null, null);
		}
	}

	@ApplicationModuleListener
	void on(DealClosed event) {
		if (event.won() && event.partnerId() != null) {
			refresh(event.partnerId());
		}
	}

	/** Creates the partner's plan from the template unless it has one. */
	@Transactional
	public void start(long partnerId, LocalDate onboardedOn) {
		if (this.plans.createPlan(partnerId, onboardedOn, this.clock.instant())) {
			this.audit.record(AuditLog.Actor.SYSTEM, "activation-plan", partnerId, "created", null,
					Map.of("onboardedOn", onboardedOn.toString()));
			refresh(partnerId);
		}
	}

	/**
	 * Completes the milestones that follow from records, fixes the verdict once day 90
	 * has passed and announces the first win.
	 */
	@Transactional
	public void refresh(long partnerId) {
		var plan = this.plans.plan(partnerId).orElse(null);
		if (plan == null) {
			return;
		}
		var since = this.calendar.startOf(plan.onboardedOn());
		var firsts = this.outcomes.firsts(partnerId, since);
		var registered = earliest(this.registrations.firstSubmittedAt(partnerId, since), firsts.firstDeal());
		var firstWin = firstCountingWin(partnerId, since);
		this.plans.recordFirsts(partnerId, registered, firstWin);
		if (registered != null) {
			this.plans.complete(partnerId, "FIRST_REGISTRATION", null, registered, "first deal registered");
		}
		if (firstWin != null && this.plans.complete(partnerId, "FIRST_WIN", null, firstWin, "first deal won")) {
			this.events.publishEvent(new PartnerNotice("activation:" + partnerId + ":FIRST_WIN", partnerId, "FIRST_WIN",
					"First win!", "Congratulations on your first closed-won deal in the program.",
					"/partners/" + partnerId + "/activation"));
		}
		var verdict = ActivationVerdict.decide(plan.onboardedOn(), registered, firstWin, today(), this.calendar.zone());
		if (verdict.status() != ActivationVerdict.Status.IN_PROGRESS
				&& this.plans.fixVerdict(partnerId, verdict.status().name(), this.clock.instant())) {
			this.audit.record(AuditLog.Actor.SYSTEM, "activation-plan", partnerId, "verdict: " + verdict.reason(), null,
					Map.of("verdict", verdict.status().name()));
		}
	}

	/**
	 * When the partner's first win since onboarding whose amount counts was closed: a win
	 * of no amount, or below the minimum, is no first win.
	 */
	private Instant firstCountingWin(long partnerId, Instant since) {
		var conversions = this.counting.conversions();
		return this.outcomes.wonDeals(partnerId)
			.stream()
			.filter(deal -> deal.closedAt() != null && !deal.closedAt().isBefore(since)
					&& this.counting.counts(deal.amount(), deal.currency(), conversions))
			.map(OpportunityView::closedAt)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * The daily pass: plans for onboarded partners that lack one, refreshed verdicts, and
	 * one nudge per overdue milestone (owned by the partner: to its inbox; by the PAM: on
	 * the PAM's activation page). Safe to run twice.
	 */
	@Transactional
	public int daily() {
		var today = today();
		for (var partner : this.partners.onboardedSince(today.minusDays(ActivationVerdict.WINDOW_DAYS))) {
			start(partner.id(), partner.onboardedOn());
		}
		this.plans.plansWithoutVerdict().forEach(this::refresh);
		var overdue = this.plans.takeOverdueToNudge(today, this.clock.instant());
		for (var milestone : overdue) {
			if ("PARTNER".equals(milestone.owner())) {
				this.events.publishEvent(new PartnerNotice("activation:milestone:" + milestone.milestoneId(),
						milestone.partnerId(), "MILESTONE_OVERDUE", "Overdue: " + StoredFigures.text(milestone.name()),
						"This activation milestone was due on " + milestone.dueOn() + ".",
						"/partners/" + milestone.partnerId() + "/activation"));
			}
		}
		return overdue.size();
	}

	private LocalDate today() {
		return this.calendar.today();
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

}
