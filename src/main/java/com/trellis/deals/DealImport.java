package com.trellis.deals;

import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's import port: writes deals that come from another system's export
 * with the history they had there, so that the forecast, the funnel and the KPIs read
 * them exactly as native deals. Created and stage times are the export's, never now. A
 * close is announced with {@link DealClosed} like a native one (no partner notice: the
 * news is old). The caller (the {@code imports} module) has checked the admin's right;
 * each write is audited.
 */
@Service
public class DealImport {

	private final ImportedDealRepository deals;

	private final OpportunityRepository opportunities;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PartnerAttachments attachments;

	private final ImportedDealBatch batch;

	DealImport(ImportedDealRepository deals, OpportunityRepository opportunities, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, PartnerAttachments attachments, ImportedDealBatch batch) {
		this.attachments = attachments;
		this.batch = batch;
		this.deals = deals;
		this.opportunities = opportunities;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Creates many deals at once (a large export), in order; returns their ids in the
	 * same order. The rows a single import would write, written with {@code COPY}; one
	 * audit entry for the batch (how many, the ids' range) instead of one per deal, and
	 * one {@link DealsImported} for the closed ones instead of a {@link DealClosed} each.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public java.util.List<Long> createAll(AuditLog.Actor actor, java.util.List<ImportedDeal> deals) {
		deals.forEach(DealImport::refuseBadHistory);
		var ids = this.batch.insert(deals, actor.userId(), this.clock.instant());
		if (ids.isEmpty()) {
			return ids;
		}
		var won = new java.util.ArrayList<Long>();
		var lost = new java.util.ArrayList<Long>();
		for (int i = 0; i < ids.size(); i++) {
			var stage = deals.get(i).last().stage();
			if (stage == Stage.CLOSED_WON) {
				won.add(ids.get(i));
			}
			else if (stage == Stage.CLOSED_LOST) {
				lost.add(ids.get(i));
			}
		}
		this.audit.record(actor, "opportunity", ids.get(0) + ".." + ids.get(ids.size() - 1), "imported", null,
				java.util.Map.of("deals", ids.size(), "firstId", ids.get(0), "lastId", ids.get(ids.size() - 1), "won",
						won.size(), "lost", lost.size()));
		if (!won.isEmpty() || !lost.isEmpty()) {
			this.events.publishEvent(new DealsImported(won, lost));
		}
		return ids;
	}

	/**
	 * Brings an imported deal up to a later export: its values, and the stage moves made
	 * since the history it has.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedDeal deal) {
		update(actor, id, deal, false);
	}

	/**
	 * As {@link #update(AuditLog.Actor, long, ImportedDeal)}; with {@code keepOwner} the
	 * deal keeps the owner it has (given in Trellis since the last import) instead of the
	 * export's {@code ownerId}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedDeal deal, boolean keepOwner) {
		refuseBadHistory(deal);
		var before = this.opportunities.findForUpdate(id).orElseThrow();
		var added = ImportedHistory.newMoves(this.opportunities.stageHistory(id), deal.moves());
		Stage from = before.stage();
		for (var move : added) {
			if (move.stage() != from) {
				this.opportunities.recordStageChange(id, from, move.stage(), actor.userId(), move.at());
				from = move.stage();
			}
		}
		var last = added.isEmpty() ? null : deal.last();
		this.deals.update(id, deal, keepOwner, last, this.clock.instant());
		attach(actor, id, deal);
		var after = this.opportunities.findForUpdate(id).orElseThrow();
		this.audit.record(actor, "opportunity", id, "updated by import", before, after);
		if (before.stage() == Stage.CLOSED_WON && after.stage() != Stage.CLOSED_WON) {
			this.events.publishEvent(new DealReopened(id, after.partnerId()));
		}
		if (after.stage().isClosed() && after.stage() != before.stage()) {
			// at the closing move's moment, which an import may date in the past
			this.events.publishEvent(
					new DealClosed(id, after.partnerId(), after.stage() == Stage.CLOSED_WON, after.closedAt()));
		}
	}

	/** How many of {@code moves} an imported deal does not have yet. */
	@Transactional(readOnly = true)
	public int movesToAdd(long id, java.util.List<ImportedDeal.Move> moves) {
		return ImportedHistory.newMoves(this.opportunities.stageHistory(id), moves).size();
	}

	/**
	 * When each of the given deals last moved (the newest of its stage changes), for many
	 * deals at once: a later export adds only the moves after it.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, java.time.Instant> lastMoves(java.util.Collection<Long> ids) {
		return this.batch.lastMoves(ids);
	}

	/**
	 * The stage (its name) each of the given deals is in now: a later export whose stage
	 * moved without a history row is judged against it.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> stages(java.util.Collection<Long> ids) {
		return this.batch.stages(ids);
	}

	/**
	 * The owner (user id) of each of the given deals now, for many deals at once: a later
	 * export judges whose an imported deal stays against it.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Long> owners(java.util.Collection<Long> ids) {
		return this.batch.owners(ids);
	}

	/**
	 * Records the import as what put the partner on the deal, at the deal's creation in
	 * the source (the export does not say when the partner joined); once per deal.
	 */
	private void attach(AuditLog.Actor actor, long id, ImportedDeal deal) {
		if (deal.credit() != null) {
			this.attachments.record(id, deal.credit().partnerId(), actor.userId(), deal.createdAt(),
					PartnerAttachments.Via.IMPORT, deal.credit().type());
		}
	}

	private static void refuseBadHistory(ImportedDeal deal) {
		ImportedHistory.refusal(deal).ifPresent(reason -> {
			throw InvalidInputException.of("stageHistory", reason);
		});
	}

}
