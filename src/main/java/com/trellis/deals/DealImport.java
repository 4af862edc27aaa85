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

	DealImport(ImportedDealRepository deals, OpportunityRepository opportunities, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, PartnerAttachments attachments) {
		this.attachments = attachments;
		this.deals = deals;
		this.opportunities = opportunities;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, ImportedDeal deal) {
		refuseBadHistory(deal);
		long id = this.deals.insert(deal, this.clock.instant());
		Stage from = null;
		for (var move : deal.moves()) {
			this.opportunities.recordStageChange(id, from, move.stage(), actor.userId(), move.at());
			from = move.stage();
		}
		attach(actor, id, deal);
		var created = this.opportunities.findForUpdate(id).orElseThrow();
		this.audit.record(actor, "opportunity", id, "imported", null, created);
		if (created.stage().isClosed()) {
			this.events.publishEvent(new DealClosed(id, null, created.stage() == Stage.CLOSED_WON));
		}
		return id;
	}

	/**
	 * Brings an imported deal up to a later export: its values, and the stage moves made
	 * since the history it has.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedDeal deal) {
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
		this.deals.update(id, deal, last, this.clock.instant());
		attach(actor, id, deal);
		var after = this.opportunities.findForUpdate(id).orElseThrow();
		this.audit.record(actor, "opportunity", id, "updated by import", before, after);
		if (before.stage() == Stage.CLOSED_WON && after.stage() != Stage.CLOSED_WON) {
			this.events.publishEvent(new DealReopened(id, after.partnerId()));
		}
		if (after.stage().isClosed() && after.stage() != before.stage()) {
			this.events.publishEvent(new DealClosed(id, after.partnerId(), after.stage() == Stage.CLOSED_WON));
		}
	}

	/** How many of {@code moves} an imported deal does not have yet. */
	@Transactional(readOnly = true)
	public int movesToAdd(long id, java.util.List<ImportedDeal.Move> moves) {
		return ImportedHistory.newMoves(this.opportunities.stageHistory(id), moves).size();
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
