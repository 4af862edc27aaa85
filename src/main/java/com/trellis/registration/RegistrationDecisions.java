package com.trellis.registration;

import java.time.Clock;
import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.deals.DealCredit;
import com.trellis.deals.Deals;
import com.trellis.deals.RegisteredDeal;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.StoredFigures;

import org.springframework.stereotype.Component;

/**
 * What happens to a registration after it is registered: resubmission, approval (the deal
 * opened or the partner attached), rejection, lifting a hold, sending back, withdrawal,
 * the one extension and expiry; each called by {@link Registrations} inside its
 * transaction. Split from {@link Registrations}.
 */
@Component
class RegistrationDecisions {

	private final RegistrationRepository registrations;

	private final RegistrationRulesStore ruleStore;

	private final RegistrationAccess access;

	private final RegistrationInput input;

	private final StatusMoves moves;

	private final Accounts accounts;

	private final Deals deals;

	private final DealCredit credit;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final HeldQueue held;

	private final DecisionNotices decisionNotices;

	private final LaterPartnerDeals laterDeals;

	private final Partners partners;

	RegistrationDecisions(RegistrationRepository registrations, RegistrationRulesStore ruleStore,
			RegistrationAccess access, RegistrationInput input, StatusMoves moves, Accounts accounts, Deals deals,
			DealCredit credit, Users users, AuditLog audit, Clock clock, com.trellis.shared.BusinessCalendar calendar,
			HeldQueue held, DecisionNotices decisionNotices, LaterPartnerDeals laterDeals, Partners partners) {
		this.partners = partners;
		this.laterDeals = laterDeals;
		this.registrations = registrations;
		this.ruleStore = ruleStore;
		this.access = access;
		this.input = input;
		this.moves = moves;
		this.accounts = accounts;
		this.deals = deals;
		this.credit = credit;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.calendar = calendar;
		this.held = held;
		this.decisionNotices = decisionNotices;
	}

	RegistrationView resubmit(Viewer viewer, long id, RegistrationCommand input) {
		var row = this.access.lockVisible(viewer, id);
		var view = row.view();
		var rules = this.ruleStore.rules();
		var values = this.input.resubmission(viewer, row, input, rules);
		StatusMoves.requireMove(row, StatusAction.RESUBMIT);
		this.registrations.updateDetails(id, values);
		var now = this.clock.instant();
		this.registrations.resetSla(id, this.moves.slaDue(now, rules));
		var resubmitted = this.moves.move(viewer, row, RegistrationStatus.PENDING, "Resubmitted with more information",
				"Awaiting approval by your partner manager.", false);
		this.decisionNotices.toDecide(viewer.userId(), resubmitted, now.toEpochMilli());
		return resubmitted;
	}

	RegistrationView approve(Viewer viewer, long id, ApproveCommand command) {
		var row = this.access.lockDecidable(viewer, id);
		var view = row.view();
		// an owner named who may not own the deal is bad input (400), a second approval a
		// conflict (409)
		StatusMoves.requireMove(view, StatusAction.APPROVE,
				() -> ApprovalCheck.requireInput(this.users, this.partners, viewer, row, command));
		var later = this.laterDeals.find(row);
		if (later.isPresent()) {
			throw new ConflictException("status",
					"another partner's open deal #" + later.get().id() + " now covers this customer ("
							+ later.get().match().reason()
							+ "); approve when it has closed, or reject this registration");
		}
		var rules = this.ruleStore.rules();
		var actor = viewer.actor();
		long opportunityId;
		long accountId;
		var byDefault = ApprovalCheck.defaultCredit(row);
		var credit = command.credit(byDefault);
		var overrides = command.overrides(byDefault);
		var reason = overrides ? ": " + command.reason().strip() : "";
		if (row.directConflictId() != null) {
			this.credit.attachPartner(actor, row.directConflictId(), view.partnerId(), credit, rules.shareFor(credit));
			opportunityId = row.directConflictId();
			accountId = this.deals.get(viewer, opportunityId).accountId();
		}
		else {
			long owner = owner(viewer, view, command);
			accountId = view.accountId() != null ? view.accountId() : this.accounts.findOrCreateForRegistration(actor,
					view.customerName(), view.customerDomain(), owner);
			opportunityId = this.credit.openForRegistration(actor,
					new RegisteredDeal(accountId, dealName(view), view.amount(), view.currency(),
							view.expectedCloseDate(), owner, view.partnerId(), credit, rules.shareFor(credit)));
		}
		this.registrations.approve(id, opportunityId, accountId, credit, rules.shareFor(credit), this.clock.instant());
		var until = this.calendar.dayOf(view.protectionEndsAt());
		return this.moves.move(viewer, row, RegistrationStatus.APPROVED,
				"Approved; deal " + opportunityId + " with " + credit + " credit"
						+ (overrides ? " instead of " + byDefault + reason : ""),
				"Approved. Your deal is open with " + credit.label().toLowerCase() + " credit"
						+ (overrides ? " instead of " + byDefault.label().toLowerCase() + reason : "")
						+ "; protection until " + until + ".",
				true);
	}

	RegistrationView reject(Viewer viewer, long id, String reason) {
		var row = this.access.lockDecidable(viewer, id);
		StatusMoves.requireMove(row.view(), StatusAction.REJECT, () -> StatusMoves.requireReason(reason));
		var rejected = this.moves.move(viewer, row, RegistrationStatus.REJECTED, "Rejected: " + reason.strip(),
				"Rejected: " + reason.strip(), true);
		this.held.release(viewer.userId(), List.of(row));
		return rejected;
	}

	/**
	 * The PAM lifts a hold they find wrong (a conflict through a shared parent domain,
	 * say): the registration awaits approval with its own protection and approval
	 * deadline, so the PAM then approves or sends it back. The reason is kept in the
	 * history and the audit log.
	 */
	RegistrationView overrideHold(Viewer viewer, long id, String reason) {
		var row = this.access.lockDecidable(viewer, id);
		StatusMoves.requireMove(row.view(), StatusAction.LIFT_HOLD, () -> StatusMoves.requireReason(reason));
		var rules = this.ruleStore.rules();
		var now = this.clock.instant();
		this.registrations.startProtection(id, this.calendar.daysAfter(now, rules.protectionDays()),
				this.moves.slaDue(now, rules), null);
		return this.moves.move(viewer, row, RegistrationStatus.PENDING, "Hold lifted: " + reason.strip(),
				"Your partner manager reviewed the conflict and lifted the hold; your registration awaits approval.",
				true);
	}

	RegistrationView sendBack(Viewer viewer, long id, String reason) {
		var row = this.access.lockDecidable(viewer, id);
		StatusMoves.requireMove(row.view(), StatusAction.SEND_BACK, () -> StatusMoves.requireReason(reason));
		return this.moves.move(viewer, row, RegistrationStatus.NEEDS_INFO, "Sent back: " + reason.strip(),
				"Your partner manager needs more information: " + reason.strip(), true);
	}

	RegistrationView withdraw(Viewer viewer, long id) {
		var row = this.access.lockVisible(viewer, id);
		this.access.requireWithdraws(viewer, row.view());
		StatusMoves.requireMove(row, StatusAction.WITHDRAW);
		var withdrawn = this.moves.move(viewer, row, RegistrationStatus.WITHDRAWN, "Withdrawn", "Withdrawn.", false);
		this.held.release(viewer.userId(), List.of(row));
		return withdrawn;
	}

	RegistrationView extend(Viewer viewer, long id) {
		var row = this.access.lockDecidable(viewer, id);
		var view = row.view();
		StatusMoves.requireMove(row, StatusAction.EXTEND);
		if (view.extended()) {
			throw new ConflictException("extended", "the one extension has been granted already");
		}
		var until = this.calendar.daysAfter(view.protectionEndsAt(), this.ruleStore.rules().extensionDays());
		var date = this.calendar.dayOf(until);
		this.registrations.extend(id, until, date);
		var now = this.clock.instant();
		this.registrations.recordHistory(id, view.status(), view.status(), viewer.userId(), now,
				"Protection extended to " + date);
		var after = this.registrations.findForUpdate(id).orElseThrow().view();
		this.audit.record(viewer.actor(), "deal-registration", id, "protection extended", view, after);
		this.moves.notice(after, "EXTENDED", "Protection extended: " + StoredFigures.text(view.customerName()),
				"Your protection now runs until " + date + ".");
		return after;
	}

	long owner(Viewer viewer, RegistrationView view, ApproveCommand command) {
		Long owner = command.ownerId();
		// the account's owner, else the registering rep, when they are active; a named
		// owner must be active
		if (owner == null && view.accountId() != null) {
			owner = activeRep(this.accounts.get(viewer, view.accountId()).ownerAeId());
		}
		// a customer the registration was not linked to, whose domain is an existing
		// account's: the deal opens on that account, so its owner owns the deal
		if (owner == null && view.accountId() == null) {
			owner = this.accounts.byWebDomain(view.customerDomain())
				.flatMap(this.accounts::ownerOf)
				.map(this::activeRep)
				.orElse(null);
		}
		if (owner == null) {
			owner = activeRep(view.registeredBy());
		}
		var user = owner == null ? null : this.users.findEnabled(owner).orElse(null);
		if (user == null || !(user.role() == Role.AE || user.role() == Role.SALES_MANAGER)) {
			throw InvalidInputException.of("ownerId", "name the active account executive who will own the deal");
		}
		return user.id();
	}

	Long activeRep(Long userId) {
		return userId == null ? null
				: this.users.findEnabled(userId)
					.filter(u -> u.role() == Role.AE || u.role() == Role.SALES_MANAGER)
					.map(u -> u.id())
					.orElse(null);
	}

	static String dealName(RegistrationView view) {
		var need = view.customerNeed().strip();
		return com.trellis.deals.OpportunityCommand.nameOf(view.customerName(),
				" – " + (need.length() > 60 ? need.substring(0, 57) + "…" : need));
	}

}
