package com.trellis.deals;

import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects a closed deal's amount or currency: a program admin only, with a reason that
 * goes on the record and in the audit log. The correction is announced
 * ({@link DealCorrected}) so that what the deal earned is reversed and earned anew from
 * the corrected amount.
 */
@Service
class DealCorrections {

	private final Deals deals;

	private final OpportunityRepository opportunities;

	private final CreditRepository credits;

	private final CorrectionRepository corrections;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DealCorrections(Deals deals, OpportunityRepository opportunities, CreditRepository credits,
			CorrectionRepository corrections, AuditLog audit, Commands commands, Clock clock,
			ApplicationEventPublisher events) {
		this.deals = deals;
		this.opportunities = opportunities;
		this.credits = credits;
		this.corrections = corrections;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	OpportunityView correct(Viewer viewer, long id, DealCorrection command) {
		check(viewer, id, command);
		var before = this.opportunities.findForUpdate(id).orElseThrow();
		if (!before.stage().isClosed()) {
			throw new ConflictException("stage",
					"the deal is open; change its amount with an edit (PUT /api/v1/opportunities/" + id + ")");
		}
		if (!DealEditRule.changesMoney(before, command.currency(), command.amount())) {
			throw InvalidInputException.of("amount", "the deal already has this amount and currency");
		}
		var now = this.clock.instant();
		this.credits.correctMoney(id, command.amount(), command.currency(), now);
		var after = this.deals.get(viewer, id);
		var reason = command.reason().strip();
		long correction = this.corrections.insert(id, "MONEY", before.money().toString(), after.money().toString(),
				reason, viewer.userId(), now);
		this.audit.record(viewer.actor(), "opportunity", id,
				"corrected " + before.money() + " to " + after.money() + ": " + reason, before, after);
		this.events
			.publishEvent(new DealCorrected(correction, id, after.partnerId(), after.stage() == Stage.CLOSED_WON));
		return after;
	}

	/**
	 * The checks a correction starts with, writing nothing: the role, the deal, then the
	 * command's fields (for a page form that could not read the amount, so that the other
	 * wrong fields are named with it).
	 */
	@Transactional(readOnly = true)
	void check(Viewer viewer, long id, DealCorrection command) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin corrects a closed deal's amount or currency");
		}
		this.deals.get(viewer, id);
		this.commands.check(command);
	}

	@Transactional(readOnly = true)
	List<Correction> of(Viewer viewer, long id) {
		this.deals.get(viewer, id);
		return this.corrections.of(id);
	}

}
