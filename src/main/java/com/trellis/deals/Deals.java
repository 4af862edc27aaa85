package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.notify.PartnerNotice;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's facade. A partner user reads only deals its partner is on; vendor
 * staff read all. Admins, the owner and the owner's managers change a deal.
 */
@Service
public class Deals {

	private final OpportunityRepository deals;

	private final CorrectionRepository corrections;

	private final Accounts accounts;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final PartnerAttachments attachments;

	private final PipelineReads pipeline;

	private final PartnerOutcomes outcomes;

	Deals(OpportunityRepository deals, CorrectionRepository corrections, Accounts accounts, Partners partners,
			Users users, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			com.trellis.shared.BusinessCalendar calendar, PartnerAttachments attachments, PipelineReads pipeline,
			PartnerOutcomes outcomes) {
		this.pipeline = pipeline;
		this.outcomes = outcomes;
		this.calendar = calendar;
		this.attachments = attachments;
		this.events = events;
		this.deals = deals;
		this.corrections = corrections;
		this.accounts = accounts;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, PageRequest page) {
		var result = this.deals.search(viewer, filter, null, page);
		return withAccountNames(result);
	}

	/** Deals owned by a set of reps (a manager's team), still narrowed by the viewer. */
	@Transactional(readOnly = true)
	public PageResult<OpportunityView> searchOwnedBy(Viewer viewer, List<Long> owners, DealFilter filter,
			PageRequest page) {
		return withAccountNames(this.deals.search(viewer, filter, owners, page));
	}

	/**
	 * The first {@code limit} open deals of some owners, closing soonest first (undated
	 * last, then the newest): the first page of {@link #searchOwnedBy} for open deals, as
	 * the viewer may see them, without its count (a review of every rep's deals).
	 */
	@Transactional(readOnly = true)
	public List<OpportunityView> firstOpenOwnedBy(Viewer viewer, List<Long> owners, int limit) {
		var deals = this.deals.firstOpen(viewer, owners, limit);
		return withAccountNames(new PageResult<>(deals, 0, Math.max(1, deals.size()), deals.size())).items();
	}

	/**
	 * Deals with one of {@code partners} (a PAM's book), still narrowed by the viewer.
	 */
	@Transactional(readOnly = true)
	public PageResult<OpportunityView> searchWithPartners(Viewer viewer, List<Long> partners, DealFilter filter,
			PageRequest page) {
		return withAccountNames(this.deals.search(viewer, filter, null, partners, page));
	}

	@Transactional(readOnly = true)
	public OpportunityView get(Viewer viewer, long id) {
		var deal = this.deals.find(viewer, id).orElseThrow(() -> new NotFoundException("Opportunity", id));
		return withAccountNames(new PageResult<>(List.of(deal), 0, 1, 1)).items().get(0);
	}

	@Transactional(readOnly = true)
	public List<StageChange> stageHistory(Viewer viewer, long id) {
		get(viewer, id);
		return this.deals.stageHistory(id);
	}

	/**
	 * Open pipeline by stage and partner involvement; {@code owners} or {@code partners}
	 * narrow it to a team or a PAM's book when not null.
	 */
	@Transactional(readOnly = true)
	public List<PipelineLine> openPipeline(Viewer viewer, List<Long> owners, List<Long> partners) {
		return this.pipeline.openPipeline(viewer, owners, partners);
	}

	/**
	 * A partner's deals per stage, every stage present (0 without deals), as the viewer
	 * may see them: the count {@link #search} gives for that stage and partner, from one
	 * statement instead of one search per stage.
	 */
	@Transactional(readOnly = true)
	public Map<Stage, Long> countByStage(Viewer viewer, long partnerId) {
		var counts = this.pipeline.countByStage(viewer, partnerId);
		var all = new java.util.EnumMap<Stage, Long>(Stage.class);
		for (var stage : Stage.values()) {
			all.put(stage, counts.getOrDefault(stage, 0L));
		}
		return all;
	}

	public boolean canEdit(Viewer viewer, OpportunityView deal) {
		return viewer.is(Role.ADMIN) || (viewer.is(Role.AE, Role.SALES_MANAGER) && (deal.ownerId() == viewer.userId()
				|| this.users.reportsOf(viewer.userId()).contains(deal.ownerId())));
	}

	/**
	 * Opens a new deal at an open stage; it closes only through the sales process, which
	 * announces the close. Deals that arrive with a history (closed ones included) need
	 * an import of their own that writes the stage history and announces each close; this
	 * is not it.
	 */
	@Transactional
	public OpportunityView create(Viewer viewer, OpportunityCommand command) {
		if (!viewer.is(Role.ADMIN, Role.AE, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("Only admins, account executives and sales managers create deals");
		}
		long owner = validate(viewer, command, DealEditRule.opening(command), null);
		var now = this.clock.instant();
		long id = this.deals.insert(command, owner, now);
		this.deals.recordStageChange(id, null, command.stage(), viewer.userId(), now);
		recordAttachment(viewer, id, command, now);
		var created = get(viewer, id);
		this.audit.record(viewer.actor(), "opportunity", id, "created", null, created);
		return created;
	}

	/**
	 * Edits a deal's details. The stage moves only through the sales process; a closed
	 * deal's money only through a correction, its credit only through a credit dispute.
	 */
	@Transactional
	public OpportunityView update(Viewer viewer, long id, OpportunityCommand command) {
		var visible = get(viewer, id);
		if (!canEdit(viewer, visible)) {
			throw new AccessDeniedException("Only the owner, their managers or an admin change this deal");
		}
		var before = this.deals.findForUpdate(id).orElseThrow();
		long owner = validate(viewer, command, DealEditRule.edit(before, command), before.ownerId());
		var now = this.clock.instant();
		this.deals.update(id, command, owner, now);
		if (before.partnerId() == null) {
			recordAttachment(viewer, id, command, now);
		}
		var after = get(viewer, id);
		this.audit.record(viewer.actor(), "opportunity", id, "updated", before, after);
		return after;
	}

	/**
	 * Hands an open deal from one owner to another (a data-hygiene fix: a deactivated
	 * owner's deal to the account's owner), audited with the reason. False when the deal
	 * is closed or no longer held by {@code fromOwnerId}.
	 */
	@Transactional
	public boolean reassignOpenDeal(AuditLog.Actor actor, long opportunityId, long fromOwnerId, long toOwnerId,
			String why) {
		var before = this.deals.findForUpdate(opportunityId).orElse(null);
		if (before == null || before.stage().isClosed() || before.ownerId() != fromOwnerId) {
			return false;
		}
		this.deals.reassignOwner(opportunityId, toOwnerId, this.clock.instant());
		this.audit.record(actor, "opportunity", opportunityId, why, before,
				this.deals.findForUpdate(opportunityId).orElseThrow());
		return true;
	}

	/**
	 * When a partner first appeared on a deal and first won one, on or after a moment
	 * (its onboarding); for activation. Null when it has not yet.
	 */
	@Transactional(readOnly = true)
	public PartnerFirsts firsts(long partnerId, Instant since) {
		return this.outcomes.firsts(partnerId, since);
	}

	/** The partner's closed-won deals, for incentive rules. */
	@Transactional(readOnly = true)
	public List<OpportunityView> wonDeals(long partnerId) {
		return this.outcomes.wonDeals(partnerId);
	}

	/** Those of some deals that are closed won, whoever's they are (readiness proofs). */
	@Transactional(readOnly = true)
	public List<OpportunityView> wonDeals(java.util.Collection<Long> ids) {
		return this.outcomes.wonDeals(ids);
	}

	/**
	 * Closed-won partner deals closed in [from, to), one line per deal in its own
	 * currency, so that a caller converts each before it adds them up.
	 */
	@Transactional(readOnly = true)
	public List<PartnerRevenue> wonRevenue(Instant from, Instant to) {
		return this.outcomes.wonRevenue(from, to);
	}

	/** Deals of the partner closed since a moment: {won, lost}. */
	@Transactional(readOnly = true)
	public long[] closedSince(long partnerId, Instant since) {
		return this.outcomes.closedSince(partnerId, since);
	}

	/** Open deals on any of the given accounts, for conflict detection. */
	@Transactional(readOnly = true)
	public List<OpportunityView> openOnAccounts(List<Long> accountIds) {
		return this.deals.openOnAccounts(accountIds);
	}

	/**
	 * Open deals on any of the given accounts as the conflict check weighs them (id,
	 * account, partner, creation), in the order they were created; read from an index
	 * alone, in the caller's transaction.
	 */
	public List<OpenDealClaim> openClaimsOnAccounts(List<Long> accountIds) {
		return this.deals.openClaimsOnAccounts(accountIds);
	}

	/**
	 * For a leaver's hand-over (program admins only; the caller checks the receiver and
	 * audits the whole hand-over): gives every open deal of one owner to another (closed
	 * deals keep the owner who closed them).
	 * @return the ids of the deals moved
	 */
	@Transactional
	public List<Long> handOverOpen(Viewer viewer, long fromOwnerId, long toOwnerId) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin hands over a user's deals");
		}
		return this.deals.handOverOpen(fromOwnerId, toOwnerId, this.clock.instant());
	}

	/** How many open deals a user owns. */
	@Transactional(readOnly = true)
	public long countOpenOwnedBy(long ownerId) {
		return this.deals.countOpenOwnedBy(ownerId);
	}

	/**
	 * Opens the deal of an approved registration at the first stage. The registration
	 * module has checked the caller's right to approve and the deal's fields.
	 */
	@Transactional
	public long openForRegistration(AuditLog.Actor actor, RegisteredDeal deal) {
		var source = deal.creditType() == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
		var command = new OpportunityCommand(deal.accountId(), deal.name(), deal.amount(), deal.currency(),
				Stage.REGISTERED, deal.closeDate(), deal.ownerId(), source, deal.partnerId(), deal.creditType(),
				deal.partnerShare());
		var now = this.clock.instant();
		long id = this.deals.insert(command, deal.ownerId(), now);
		this.deals.recordStageChange(id, null, Stage.REGISTERED, actor.userId(), now);
		this.attachments.record(id, deal.partnerId(), actor.userId(), now, PartnerAttachments.Via.REGISTRATION,
				deal.creditType());
		this.audit.record(actor, "opportunity", id, "opened from deal registration", null,
				this.deals.findForUpdate(id).orElseThrow());
		return id;
	}

	/**
	 * Puts a partner on an open direct deal as influencer or co-seller (a PAM's decision
	 * on a registration that collided with the deal). The rep keeps the deal and full
	 * quota credit.
	 */
	@Transactional
	public void attachPartner(AuditLog.Actor actor, long opportunityId, long partnerId, CreditType creditType,
			BigDecimal share) {
		var before = this.deals.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		if (before.partnerId() != null || before.stage().isClosed()) {
			throw new ConflictException("opportunityId", "the deal is closed or already has a partner");
		}
		if (creditType == CreditType.SOURCED) {
			throw InvalidInputException.of("creditType", "a partner joining a direct deal influences or co-sells it");
		}
		var now = this.clock.instant();
		this.deals.attachPartner(opportunityId, partnerId, creditType, share, now);
		this.attachments.record(opportunityId, partnerId, actor.userId(), now, PartnerAttachments.Via.PAM, creditType);
		this.audit.record(actor, "opportunity", opportunityId, "partner attached", before,
				this.deals.findForUpdate(opportunityId).orElseThrow());
	}

	/**
	 * Changes a partner deal's credit; only an upheld credit dispute calls this. The rep
	 * keeps the deal and full quota credit whatever the partner's share.
	 */
	@Transactional
	public void changeCredit(AuditLog.Actor actor, long opportunityId, CreditType creditType, BigDecimal share,
			String why) {
		var before = this.deals.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		var source = creditType == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
		var now = this.clock.instant();
		this.deals.changeCredit(opportunityId, creditType, share, source, now);
		var after = this.deals.findForUpdate(opportunityId).orElseThrow();
		this.audit.record(actor, "opportunity", opportunityId, why, before, after);
		if (before.stage() == Stage.CLOSED_WON) {
			long correction = this.corrections.insert(opportunityId, "CREDIT", credit(before), credit(after), why,
					actor.userId(), now);
			this.events.publishEvent(new DealCorrected(correction, opportunityId, after.partnerId(), true));
		}
	}

	/** A rep or an admin put a partner on the deal by creating or editing it. */
	private void recordAttachment(Viewer viewer, long id, OpportunityCommand command, Instant now) {
		if (command.partnerId() != null && command.creditType() != null) {
			var via = viewer.is(Role.ADMIN) ? PartnerAttachments.Via.ADMIN : PartnerAttachments.Via.REP;
			this.attachments.record(id, command.partnerId(), viewer.userId(), now, via, command.creditType());
		}
	}

	private static String credit(OpportunityView deal) {
		return deal.creditType() + " " + deal.partnerShare().toPlainString() + "%";
	}

	/**
	 * Moves a deal from the stage the caller saw to another on behalf of the process
	 * module, which has checked the exit checklist and the caller's right to move it.
	 * Refused with a conflict when the deal is no longer in {@code from}. The move is
	 * recorded and audited; a close is announced to the partner of record.
	 */
	@Transactional
	public OpportunityView moveStage(Viewer viewer, long opportunityId, Stage from, Stage to, String why,
			boolean disqualified) {
		var before = this.deals.findForUpdate(opportunityId)
			.orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
		var refusal = StageMove.refusal(before.stage(), from, to);
		if (refusal.isPresent()) {
			throw refusal.get().stale() ? new ConflictException("stage", refusal.get().reason())
					: InvalidInputException.of("stage", refusal.get().reason());
		}
		var now = this.clock.instant();
		if (!this.deals.moveStage(opportunityId, from, to, now, this.calendar.dayOf(now))) {
			throw new ConflictException("stage", "someone moved the deal meanwhile; reload it and decide again");
		}
		this.deals.recordStageChange(opportunityId, from, to, viewer.userId(), now);
		var after = get(viewer, opportunityId);
		// a disqualification's reason is told once: "disqualified: <reason>" in the
		// audit,
		// "was disqualified: <reason>" in the partner's notice
		this.audit.record(viewer.actor(), "opportunity", opportunityId, disqualified ? "disqualified: " + why : why,
				before, after);
		if (before.stage() == Stage.CLOSED_WON && to != Stage.CLOSED_WON) {
			this.events.publishEvent(new DealReopened(opportunityId, after.partnerId()));
		}
		if (to.isClosed()) {
			this.events
				.publishEvent(new DealClosed(after.id(), after.partnerId(), to == Stage.CLOSED_WON, after.closedAt()));
			if (disqualified && after.partnerId() != null) {
				this.events.publishEvent(new PartnerNotice("opportunity:" + after.id() + ":DISQUALIFIED",
						after.partnerId(), "DEAL_DISQUALIFIED", "Disqualified: " + after.name(),
						"The deal \"" + after.name() + "\" was disqualified: " + why, "/opportunities/" + after.id()));
			}
			else {
				announcePartner(after);
			}
		}
		return after;
	}

	/**
	 * Deals past their stage's norm, longest first, owned by one of {@code owners} (a
	 * manager's team) and with one of {@code partners} (a PAM's book); either null means
	 * any.
	 */
	@Transactional(readOnly = true)
	public PageResult<StalledDeal> stalled(Viewer viewer, Map<Stage, Integer> normDays, List<Long> owners,
			List<Long> partners, PageRequest page) {
		var now = this.clock.instant();
		var stalled = this.pipeline.stalled(viewer, normDays, owners, partners, now, page);
		var named = withAccountNames(stalled.map(StalledDeal::deal));
		var items = new ArrayList<StalledDeal>();
		for (int i = 0; i < stalled.items().size(); i++) {
			var s = stalled.items().get(i);
			items.add(new StalledDeal(named.items().get(i), s.daysInStage(), s.normDays()));
		}
		return new PageResult<>(items, stalled.page(), stalled.size(), stalled.total(), stalled.totalExact());
	}

	private void announcePartner(OpportunityView deal) {
		if (deal.partnerId() != null) {
			boolean won = deal.stage() == Stage.CLOSED_WON;
			this.events.publishEvent(new PartnerNotice(
					"opportunity:" + deal.id() + ":" + deal.stage() + ":" + deal.closedAt().toEpochMilli(),
					deal.partnerId(), won ? "DEAL_WON" : "DEAL_LOST", (won ? "Won: " : "Lost: ") + deal.name(),
					"The deal \"" + deal.name() + "\" with " + deal.accountName() + " was closed "
							+ (won ? "won" : "lost") + ". Amount " + deal.money() + ".",
					"/opportunities/" + deal.id()));
		}
	}

	private long validate(Viewer viewer, OpportunityCommand command, List<FieldError> refused, Long currentOwner) {
		var errors = problems(viewer, command, refused, currentOwner);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return command.ownerId() == null ? viewer.userId() : command.ownerId();
	}

	/**
	 * Every reason the deal may not take the command's values, beside those already
	 * {@code refused}: an edit and an import (the Trellis deal format) judge alike.
	 */
	List<FieldError> problems(Viewer viewer, OpportunityCommand command, List<FieldError> refused, Long currentOwner) {
		var errors = new ArrayList<>(refused);
		errors.addAll(PartnerInvolvementRule.check(command));
		if (!this.accounts.exists(command.accountId())) {
			errors.add(new FieldError("accountId", "no account with id " + command.accountId()));
		}
		if (command.partnerId() != null && this.partners.names(viewer, List.of(command.partnerId())).isEmpty()) {
			errors.add(new FieldError("partnerId", "no partner with id " + command.partnerId()));
		}
		try {
			Currency.getInstance(command.currency());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("currency", "unknown currency " + command.currency()));
		}
		long owner = command.ownerId() == null ? viewer.userId() : command.ownerId();
		// a deal is owned by an active account executive or sales manager; one that has
		// another owner already keeps them until someone names a new one
		if (currentOwner == null || owner != currentOwner) {
			var ownerUser = this.users.findEnabled(owner).orElse(null);
			if (ownerUser == null || !(ownerUser.role() == Role.AE || ownerUser.role() == Role.SALES_MANAGER)) {
				errors.add(new FieldError("ownerId", "must be the id of an active account executive or sales manager"
						+ (command.ownerId() == null ? " (name the deal's owner)" : "")));
			}
		}
		return errors;
	}

	private PageResult<OpportunityView> withAccountNames(PageResult<OpportunityView> page) {
		var ids = new HashSet<Long>();
		page.items().forEach(deal -> ids.add(deal.accountId()));
		var names = this.accounts.names(ids);
		return page.map(deal -> new OpportunityView(deal.id(), deal.accountId(), names.get(deal.accountId()),
				deal.name(), deal.amount(), deal.currency(), deal.stage(), deal.closeDate(), deal.ownerId(),
				deal.source(), deal.partnerId(), deal.creditType(), deal.partnerShare(), deal.stageEnteredAt(),
				deal.createdAt(), deal.closedAt(), deal.amountUnknown()));
	}

}
