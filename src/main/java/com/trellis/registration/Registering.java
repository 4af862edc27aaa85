package com.trellis.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A conflict-checked registration, inside the caller's transaction: the input checked,
 * the open deals and open registrations that may be the customer searched before the
 * customer's lock, then under it what changed since, the rules of engagement applied, and
 * the registration, its claims, audit entry, notices and activity written. Split from
 * {@link Registrations}.
 */
@Component
class Registering {

	private final RegistrationRepository registrations;

	private final ConflictFinder conflicts;

	private final RegistrationInput input;

	private final StatusMoves moves;

	private final Partners partners;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.trellis.activity.Activity activity;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final DecisionNotices decisionNotices;

	Registering(RegistrationRepository registrations, ConflictFinder conflicts, RegistrationInput input,
			StatusMoves moves, Partners partners, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			com.trellis.activity.Activity activity, com.trellis.shared.BusinessCalendar calendar,
			DecisionNotices decisionNotices) {
		this.registrations = registrations;
		this.conflicts = conflicts;
		this.input = input;
		this.moves = moves;
		this.partners = partners;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.activity = activity;
		this.calendar = calendar;
		this.decisionNotices = decisionNotices;
	}

	RegistrationView register(Viewer viewer, RegistrationCommand input) {
		if (!viewer.is(Role.PARTNER, Role.AE, Role.PAM, Role.ADMIN, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("Executives do not register deals");
		}
		var command = viewer.isPartnerUser() ? RegistrationInput.withPartner(input, viewer.partnerId()) : input;
		// one read of the partner: who may act for it, its lifecycle and its PAM
		var partner = command.partnerId() == null ? java.util.Optional.<PartnerView>empty()
				: this.partners.actedFor(viewer, command.partnerId());
		var rules = this.registrations.rules();
		var values = this.input.validated(viewer, command, rules, partner);
		var customer = new Customer((String) values.get("customerName"), (String) values.get("registrable"),
				(String) values.get("normalized"));
		// deals open only through approval or sales, never by a racing registration: they
		// are looked up before the lock, and so are the open registrations, of which only
		// what changed since is read again under it, to keep the serialised part short
		var deals = this.conflicts.deals(customer, command.accountId());
		var searched = this.conflicts.search(customer);
		// read before the lock, so registrations sharing a lock key wait for less: the
		// PAM, and who the notices reach with their channels; the activity is recorded
		// under it, as the partner's activity fact is locked by it
		long partnerId = command.partnerId();
		Long pam = partner.orElseThrow().ownerPamId();
		var audience = this.decisionNotices.audience(viewer.userId(), partnerId, pam);
		// and the program's holidays the approval deadline may meet, read again only when
		// the business day changes while the registration waits for the lock
		var sla = this.moves.slaDays(this.clock.instant(), rules);
		// the customer's locks, then what changed since the search, in one round trip
		var candidates = new ArrayList<>(this.conflicts.lockThenRegistrations(customer, searched));
		var now = this.clock.instant();
		candidates.addAll(deals);
		var decision = RulesOfEngagement.decide(command.partnerId(), candidates, rules, now, this.calendar.zone());
		boolean protecting = decision.status() == RegistrationStatus.PENDING;
		values.put("registeredBy", viewer.userId());
		values.put("status", decision.status().name());
		values.put("reason", decision.externalReason());
		values.put("heldBehind", decision.heldBehindId());
		values.put("directConflict", decision.directConflictId());
		values.put("submittedAt", java.sql.Timestamp.from(now));
		values.put("slaDueAt", protecting ? ts(this.moves.slaDue(now, rules, sla)) : null);
		values.put("protectionEndsAt", protecting ? ts(now.plus(Duration.ofDays(rules.protectionDays()))) : null);
		var conflicts = DecisiveConflicts.select(command.partnerId(), candidates);
		values.put("conflictsFound", conflicts.found());
		var created = this.registrations
			.insert(values, "Registered; " + decision.internalReason() + "; " + conflicts.summary(),
					conflicts.recorded())
			.view();
		long id = created.id();
		this.audit.record(viewer.actor(), "deal-registration", id, "registered: " + decision.internalReason(), null,
				created);
		this.events.publishEvent(new DealRegistered(id, created.partnerId()));
		this.decisionNotices.toDecide(viewer.userId(), created, now.toEpochMilli(), pam, audience);
		this.activity.record(created.partnerId(), viewer.userId(), "DEAL_REGISTERED",
				"Registered " + created.customerName());
		if (decision.status() != RegistrationStatus.PENDING) {
			this.moves.notice(created, decision.status().name(),
					"Registration " + decision.status().label().toLowerCase() + ": " + created.customerName(),
					decision.externalReason(), audience);
		}
		return created;
	}

	static java.sql.Timestamp ts(java.time.Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

}
