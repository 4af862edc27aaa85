package com.trellis.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's facade. A partner user reads only deals its partner is on; vendor
 * staff read all. Admins, the owner and the owner's managers change a deal. A partner's
 * place on a deal as other modules decide it is {@link DealCredit}'s; the fields' rules
 * are {@link DealRules}'.
 */
@Service
public class Deals {

	private final OpportunityRepository deals;

	private final DealRules rules;

	private final Accounts accounts;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final StageMoveEvents moveEvents;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final PartnerAttachments attachments;

	private final PipelineReads pipeline;

	Deals(OpportunityRepository deals, DealRules rules, Accounts accounts, Users users, AuditLog audit, Clock clock,
			StageMoveEvents moveEvents, com.trellis.shared.BusinessCalendar calendar, PartnerAttachments attachments,
			PipelineReads pipeline) {
		this.pipeline = pipeline;
		this.calendar = calendar;
		this.attachments = attachments;
		this.moveEvents = moveEvents;
		this.deals = deals;
		this.rules = rules;
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<OpportunityView> search(Viewer viewer, DealFilter filter, PageRequest page) {
		ownPartnerOnly(viewer, filter);
		var result = this.deals.search(viewer, filter, null, page);
		return withAccountNames(result);
	}

	/** Deals owned by a set of reps (a manager's team), still narrowed by the viewer. */
	@Transactional(readOnly = true)
	public PageResult<OpportunityView> searchOwnedBy(Viewer viewer, List<Long> owners, DealFilter filter,
			PageRequest page) {
		ownPartnerOnly(viewer, filter);
		return withAccountNames(this.deals.search(viewer, filter, owners, page));
	}

	/**
	 * A partner user filtering by another partner's id is refused, 403, as everywhere a
	 * partner user names one (it listed nothing).
	 */
	private static void ownPartnerOnly(Viewer viewer, DealFilter filter) {
		if (viewer.isPartnerUser()) {
			viewer.ownPartner(filter.partnerId());
		}
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
		long owner = this.rules.validate(viewer, command, DealEditRule.opening(command), null);
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
		return update(viewer, id, command, null);
	}

	/**
	 * {@link #update}, refused (409 on {@code version}) when the deal changed since the
	 * editor read it at {@code seenVersion} ({@link #version}; null: not checked): an
	 * edit form opened before someone else's save no longer undoes it unseen.
	 */
	@Transactional
	public OpportunityView update(Viewer viewer, long id, OpportunityCommand command, Long seenVersion) {
		var visible = get(viewer, id);
		if (!canEdit(viewer, visible)) {
			throw new AccessDeniedException("Only the owner, their managers or an admin change this deal");
		}
		var before = this.deals.findForUpdate(id).orElseThrow();
		if (seenVersion != null && !seenVersion.equals(this.deals.version(id).orElseThrow())) {
			throw new ConflictException("version", "someone changed this deal since you opened the form");
		}
		long owner = this.rules.validate(viewer, command, DealEditRule.edit(before, command), before);
		var now = this.clock.instant();
		if (!this.deals.update(id, command, owner, now)) {
			return visible; // the same values again: no new version, no audit entry
		}
		if (before.partnerId() == null) {
			recordAttachment(viewer, id, command, now);
		}
		var after = get(viewer, id);
		this.audit.record(viewer.actor(), "opportunity", id, "updated", before, after);
		return after;
	}

	/**
	 * The deal's version as its edit form carries it; the form's controller has read the
	 * deal as the viewer (no second check).
	 */
	long version(long id) {
		return this.deals.version(id).orElseThrow();
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

	/** A rep or an admin put a partner on the deal by creating or editing it. */
	private void recordAttachment(Viewer viewer, long id, OpportunityCommand command, Instant now) {
		if (command.partnerId() != null && command.creditType() != null) {
			var via = viewer.is(Role.ADMIN) ? PartnerAttachments.Via.ADMIN : PartnerAttachments.Via.REP;
			this.attachments.record(id, command.partnerId(), viewer.userId(), now, via, command.creditType());
		}
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
		this.moveEvents.moved(before.stage(), after, why, disqualified);
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
