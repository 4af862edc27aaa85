package com.trellis.registration;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;
import com.trellis.shared.SqlPipeline;
import com.trellis.shared.StoredFigures;

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

	private final RegistrationRulesStore ruleStore;

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

	Registering(RegistrationRepository registrations, RegistrationRulesStore ruleStore, ConflictFinder conflicts,
			RegistrationInput input, StatusMoves moves, Partners partners, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, com.trellis.activity.Activity activity,
			com.trellis.shared.BusinessCalendar calendar, DecisionNotices decisionNotices) {
		this.registrations = registrations;
		this.ruleStore = ruleStore;
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

	/**
	 * Registers in five round trips whatever the outcome (with no account matching the
	 * customer and no delivery to write): the partner, the rules, the registration's id,
	 * whether the currency has a rate and the search of the open registrations together;
	 * the notices' audience (two); the holidays; the customer's locks with the re-read;
	 * then the registration, its history and claims, its audit entry, its notices and its
	 * activity together, after which {@link DealRegistered} is published (the activation
	 * plan and the webhooks read and write in their own statements).
	 */
	RegistrationView register(Viewer viewer, RegistrationCommand input) {
		if (!viewer.is(Role.PARTNER, Role.AE, Role.PAM, Role.ADMIN, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("Executives do not register deals");
		}
		var command = viewer.isPartnerUser()
				? RegistrationInput.withPartner(input, viewer.ownPartner(input.partnerId())) : input;
		// one round trip for what the check needs before the customer's lock: the partner
		// (who may act for it, its lifecycle and its PAM), the rules, the id the
		// registration will take, whether the program has a rate for the currency (in
		// this transaction, not in one of its own while the body is bound), the program's
		// holidays the approval deadline may meet
		// (read again only when the business day changes while the registration waits for
		// the lock) and, when the customer is named (not an account picked), the accounts
		// and the open registrations that may be it
		var reads = new SqlPipeline();
		var partnerRead = command.partnerId() == null ? null
				: this.partners.actedFor(reads, viewer, command.partnerId());
		var rulesRead = this.ruleStore.rules(reads);
		var idRead = this.registrations.nextId(reads);
		var slaRead = this.moves.slaDays(reads, this.clock.instant());
		var rateRead = this.input.rate(reads, command);
		var named = RegistrationInput.namedCustomer(command);
		var accountsRead = named == null ? null : this.conflicts.accounts(reads, named);
		var searchRead = named == null ? null : this.conflicts.search(reads, named);
		this.registrations.send(reads);
		var partner = partnerRead == null ? java.util.Optional.<PartnerView>empty() : partnerRead.get();
		var rules = rulesRead.get();
		var values = this.input.validated(viewer, command, rules, partner, rateRead);
		var customer = new Customer((String) values.get("customerName"), (String) values.get("registrable"),
				(String) values.get("normalized"));
		// deals open only through approval or sales, never by a racing registration: they
		// are looked up before the lock, and so are the open registrations, of which only
		// what changed since is read again under it, to keep the serialised part short
		boolean read = customer.equals(named);
		var deals = read ? this.conflicts.deals(customer, command.accountId(), accountsRead.get())
				: this.conflicts.deals(customer, command.accountId());
		var searched = read ? searchRead.get() : this.conflicts.search(customer);
		// read before the lock, so registrations sharing a lock key wait for less: who
		// the
		// notices reach, with their channels
		long partnerId = command.partnerId();
		Long pam = partner.orElseThrow().ownerPamId();
		var audience = this.decisionNotices.audience(viewer.userId(), partnerId, pam);
		var sla = slaRead.get();
		// the customer's locks, then what changed since the search, in one round trip:
		// the
		// registrations that may decide and how many others hold the customer
		var claims = this.conflicts.lockThenClaims(customer, searched, partnerId);
		var candidates = new ArrayList<>(claims.candidates());
		// in microseconds, as the columns keep it, so the registration returned is the
		// one
		// stored
		var now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		candidates.addAll(deals);
		var decision = RulesOfEngagement.decide(command.partnerId(), candidates, rules, now, this.calendar.zone());
		boolean protecting = decision.status() == RegistrationStatus.PENDING;
		values.put("registeredBy", viewer.userId());
		values.put("status", decision.status().name());
		values.put("reason", decision.externalReason());
		values.put("heldBehind", decision.heldBehindId());
		values.put("directConflict", decision.directConflictId());
		values.put("submittedAt", ts(now));
		values.put("slaDueAt", protecting ? ts(this.moves.slaDue(now, rules, sla)) : null);
		values.put("protectionEndsAt", protecting ? ts(this.calendar.daysAfter(now, rules.protectionDays())) : null);
		var conflicts = DecisiveConflicts.select(command.partnerId(), candidates, claims.unlisted());
		values.put("conflictsFound", conflicts.found());
		// what the registration writes in its own and the audit, notify and activity
		// modules, in one round trip; then the modules that react to it
		var writes = new SqlPipeline();
		var created = this.registrations
			.insert(writes, idRead.get(), values,
					"Registered; " + decision.internalReason() + "; " + conflicts.summary(), conflicts.recorded())
			.view();
		long id = created.id();
		this.audit.record(writes, viewer.actor(), "deal-registration", id, "registered: " + decision.internalReason(),
				null, created);
		this.decisionNotices.toDecide(viewer.userId(), created, now.toEpochMilli(), pam, audience, writes);
		this.activity.record(writes, created.partnerId(), viewer.userId(), "DEAL_REGISTERED",
				"Registered " + created.customerName());
		var outcome = decision.status().name();
		if (decision.status() != RegistrationStatus.PENDING) {
			this.moves.notice(created, outcome,
					"Registration " + decision.status().label().toLowerCase() + ": "
							+ StoredFigures.text(created.customerName()),
					StoredFigures.text(decision.externalReason()), audience, writes);
		}
		this.registrations.send(writes);
		this.events.publishEvent(new DealRegistered(id, created.partnerId()));
		if (decision.status() != RegistrationStatus.PENDING) {
			this.moves.announce(created, outcome);
		}
		return created;
	}

	/**
	 * A moment as the columns keep it: microseconds (PostgreSQL would round the rest).
	 */
	static java.sql.Timestamp ts(java.time.Instant instant) {
		return java.sql.Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

}
