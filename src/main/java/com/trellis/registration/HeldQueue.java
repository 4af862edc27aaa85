package com.trellis.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.trellis.notify.PartnerNotice;
import com.trellis.registration.ConflictCandidate.Kind;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When a protecting registration lapses (withdrawn, rejected, expired, its deal lost),
 * the registrations held behind it are decided again, and so are those held by an open
 * deal when that deal closes, in the order they came, by the same conflict check and
 * rules of engagement as a new registration: one that still meets a protected claim (an
 * open partner deal, say the lapsed registration's own) stays on hold, so the customer
 * never has two partners protected on it.
 */
@Component
class HeldQueue {

	private final RegistrationRepository registrations;

	private final RegistrationRulesStore ruleStore;

	private final ProtectionRepository protections;

	private final ConflictFinder conflicts;

	private final CustomerLocks locks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final DecisionNotices decisionNotices;

	HeldQueue(RegistrationRepository registrations, RegistrationRulesStore ruleStore, ProtectionRepository protections,
			ConflictFinder conflicts, CustomerLocks locks, ApplicationEventPublisher events, Clock clock,
			com.trellis.shared.BusinessCalendar calendar, DecisionNotices decisionNotices) {
		this.decisionNotices = decisionNotices;
		this.calendar = calendar;
		this.registrations = registrations;
		this.ruleStore = ruleStore;
		this.protections = protections;
		this.conflicts = conflicts;
		this.locks = locks;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reconsiders what waited behind the lapsed registrations, which must already carry
	 * their new status in this transaction. The lapsed customers and those held behind
	 * them are locked at once, in the one sorted order; the queue is read again under the
	 * locks, since a registration of the same customer needs one of the lapsed customer's
	 * keys and so cannot slip in unseen.
	 */
	void release(Long actorId, List<Row> lapsed) {
		var customers = new ArrayList<Customer>();
		for (var row : lapsed) {
			customers.add(row.customer());
			customers.addAll(this.protections.customersHeldBehind(row.view().id()));
		}
		this.locks.lock(customers.toArray(Customer[]::new));
		for (var row : lapsed) {
			for (long id : this.protections.heldBehind(row.view().id())) {
				var held = this.registrations.findForUpdate(id).orElseThrow();
				// held behind it since the first read: re-entrant for keys already taken
				this.locks.lock(held.customer());
				reconsider(actorId, "registration " + row.view().id() + " ahead of it ended", held);
			}
		}
	}

	/**
	 * Reconsiders what was on hold because of an open deal that has now closed: still
	 * held if another claim protects the customer (another partner's open deal or live
	 * registration, say), otherwise awaiting approval.
	 */
	void dealClosed(long opportunityId) {
		var waiting = this.protections.heldByDeal(opportunityId);
		this.locks.lock(waiting.stream().map(Row::customer).toArray(Customer[]::new));
		for (var row : waiting) {
			var held = this.registrations.findForUpdate(row.view().id()).orElseThrow();
			reconsider(null, "deal " + opportunityId + " that held it closed", held);
		}
	}

	private void reconsider(Long actorId, String cause, Row held) {
		var view = held.view();
		if (view.status() != RegistrationStatus.ON_HOLD) {
			return;
		}
		var rules = this.ruleStore.rules();
		var now = this.clock.instant();
		var candidates = this.conflicts.find(held.customer(), view.accountId())
			.stream()
			.filter(c -> !(c.kind() == Kind.REGISTRATION && c.id() == view.id()))
			.toList();
		var decision = RulesOfEngagement.decide(view.partnerId(), candidates, rules, now, this.calendar.zone());
		var why = "Reconsidered: " + cause + "; " + decision.internalReason();
		switch (decision.status()) {
			case PENDING -> {
				this.registrations.startProtection(view.id(), this.calendar.daysAfter(now, rules.protectionDays()),
						BusinessDays.due(now, rules.approvalSlaBusinessDays(), this.calendar),
						decision.directConflictId());
				var reason = "The claim ahead of yours ended; yours is now awaiting approval.";
				move(view, RegistrationStatus.PENDING, reason, actorId, now, why);
				notice(view, "RECONSIDERED", "Registration reconsidered: " + StoredFigures.text(view.customerName()),
						reason, now);
				this.registrations.findForUpdate(view.id())
					.ifPresent(after -> this.decisionNotices.toDecide(actorId, after.view(), now.toEpochMilli()));
			}
			case ON_HOLD -> {
				this.protections.holdBehind(view.id(), decision.heldBehindId(), decision.externalReason());
				// the claims that hold it now are listed for the PAM; a deal among them
				// is
				// found again when that deal closes
				this.conflicts.record(view.id(), DecisiveConflicts.select(view.partnerId(), candidates).recorded(),
						now);
				this.registrations.recordHistory(view.id(), RegistrationStatus.ON_HOLD, RegistrationStatus.ON_HOLD,
						actorId, now, why);
			}
			default -> {
				move(view, decision.status(), decision.externalReason(), actorId, now, why);
				notice(view, decision.status().name(),
						"Registration " + decision.status().label().toLowerCase() + ": "
								+ StoredFigures.text(view.customerName()),
						StoredFigures.text(decision.externalReason()), now);
			}
		}
	}

	private void move(RegistrationView view, RegistrationStatus to, String reason, Long actorId, Instant now,
			String internal) {
		this.registrations.changeStatus(view.id(), to, reason, actorId, now);
		this.registrations.recordHistory(view.id(), view.status(), to, actorId, now, internal);
	}

	private void notice(RegistrationView view, String outcome, String subject, String body, Instant now) {
		if (RegistrationStatus.APPROVED.name().equals(outcome) || RegistrationStatus.REJECTED.name().equals(outcome)) {
			this.events.publishEvent(new RegistrationDecided(view.id(), view.partnerId(), outcome));
		}
		this.events
			.publishEvent(new PartnerNotice("registration:" + view.id() + ":" + outcome + ":" + now.toEpochMilli(),
					view.partnerId(), "REGISTRATION_" + outcome, subject, body, "/registrations/" + view.id()));
	}

}
