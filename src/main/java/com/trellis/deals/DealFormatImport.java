package com.trellis.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's port for the Trellis deal format (the opportunities export's own
 * columns). A row that names a deal of this program is an edit and is judged as one
 * ({@link DealEditRule}: the stage moves through the sales process, a closed deal's money
 * through a correction, partner and credit through a credit dispute; the owner, account,
 * partner and currency as on the deal form). A deal of another system is created with the
 * import port ({@link DealImport}) with the created moment and the stage history the row
 * gives (the export's {@code created_at} and {@code stage_history}), so the forecast,
 * funnel and KPIs read it as the deal it was; without a history it is open at the stage
 * it is in since it was created (or now), or closed at the start of its close day, as a
 * CRM import creates a closed deal without history. A recorded history is never rewritten
 * by a file. The caller (the {@code imports} module) checked the admin's right; each
 * write is audited.
 */
@Service
public class DealFormatImport {

	private final Deals deals;

	private final DealRules rules;

	private final OpportunityRepository opportunities;

	private final DealImport imports;

	private final PartnerAttachments attachments;

	private final AuditLog audit;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final DealHistories histories;

	DealFormatImport(Deals deals, DealRules rules, OpportunityRepository opportunities, DealImport imports,
			PartnerAttachments attachments, AuditLog audit, BusinessCalendar calendar, Clock clock,
			DealHistories histories) {
		this.histories = histories;
		this.deals = deals;
		this.rules = rules;
		this.opportunities = opportunities;
		this.imports = imports;
		this.attachments = attachments;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** A deal of this program as it stands, with its account's name. */
	@Transactional(readOnly = true)
	public Optional<OpportunityView> find(Viewer viewer, long id) {
		if (this.opportunities.findForUpdate(id).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(this.deals.get(viewer, id));
	}

	/**
	 * Every reason the deal ({@code before}, or a new one when null) may not take the
	 * command's values, named by the command's fields.
	 */
	@Transactional(readOnly = true)
	public List<FieldError> refusal(Viewer viewer, OpportunityView before, OpportunityCommand command) {
		if (before != null) {
			return this.rules.problems(viewer, command, DealEditRule.edit(before, command), before);
		}
		var refused = new ArrayList<FieldError>();
		if (command.stage() != null && command.stage().isClosed()) {
			if (command.closeDate() == null) {
				refused.add(new FieldError("closeDate", "is required for a closed deal (the day it closed)"));
			}
			else if (command.closeDate().isAfter(this.calendar.dayOf(this.clock.instant()))) {
				refused.add(new FieldError("closeDate",
						"must not be in the future: a closed deal's close date is the day it closed"));
			}
		}
		return this.rules.problems(viewer, command, refused, null);
	}

	/** The deal's recorded stage history, oldest first. */
	@Transactional(readOnly = true)
	public List<ImportedDeal.Move> history(long id) {
		return this.histories.of(List.of(id)).getOrDefault(id, List.of());
	}

	/**
	 * Every reason a new deal of {@code stage}, closed on {@code closeDate} (null: open
	 * or not given), may not start with this created moment and history (null, empty: not
	 * given), named {@code createdAt} or {@code stageHistory}: a moment in the future, a
	 * history that does not end in the deal's stage, one that cannot stand as a deal's
	 * history ({@link ImportedHistory}), and, for a closed deal, a move after its close
	 * date or a closing move on another day ({@link CloseDayRule}, days in the business
	 * time zone). Needs only these values, so it is asked even when another cell of the
	 * row was refused.
	 */
	@Transactional(readOnly = true)
	public List<FieldError> historyRefusal(Stage stage, LocalDate closeDate, Instant createdAt,
			List<ImportedDeal.Move> moves) {
		var refused = new ArrayList<FieldError>();
		var now = this.clock.instant();
		if (createdAt != null && createdAt.isAfter(now)) {
			refused.add(new FieldError("createdAt", "is in the future"));
		}
		if (moves.stream().anyMatch(move -> move.at().isAfter(now))) {
			refused.add(new FieldError("stageHistory", "has a move in the future"));
		}
		if (!moves.isEmpty() && moves.get(moves.size() - 1).stage() != stage) {
			refused.add(new FieldError("stageHistory",
					"ends in " + moves.get(moves.size() - 1).stage() + ", but the deal's stage is " + stage));
		}
		if (refused.isEmpty() && (!stage.isClosed() || closeDate != null)) {
			var history = moves.isEmpty() ? defaultHistory(stage, closeDate, createdAt) : moves;
			ImportedHistory.refusal(createdAt != null ? createdAt : history.get(0).at(), history)
				.ifPresent(
						reason -> refused.add(new FieldError(moves.isEmpty() ? "createdAt" : "stageHistory", reason)));
		}
		if (stage.isClosed() && closeDate != null) {
			CloseDayRule.refusal(moves, closeDate, this.calendar.zone())
				.ifPresent(reason -> refused.add(new FieldError("stageHistory", reason)));
		}
		return refused;
	}

	/**
	 * Creates a deal of another system with its created moment and stage history when the
	 * row gives them (null, empty: not given); without a history, open deals at their
	 * stage since they were created (or now), closed ones at the start of their close
	 * day. Returns its id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, OpportunityCommand command, Instant createdAt,
			List<ImportedDeal.Move> moves) {
		return this.imports.createAll(actor, List.of(imported(command, createdAt, moves))).get(0);
	}

	private ImportedDeal imported(OpportunityCommand command, Instant createdAt, List<ImportedDeal.Move> moves) {
		var history = moves.isEmpty() ? defaultHistory(command.stage(), command.closeDate(), createdAt) : moves;
		var credit = command.partnerId() == null ? null
				: new ImportedDeal.Credit(command.partnerId(), command.creditType(), command.partnerShare());
		return new ImportedDeal(command.accountId(), command.name(), command.amount(), command.currency(),
				command.closeDate(), command.ownerId(), createdAt != null ? createdAt : history.get(0).at(), history,
				credit);
	}

	/**
	 * A deal's history when the row gives none: open deals at their stage since they were
	 * created (or now), closed ones at the start of their close day (or now).
	 */
	private List<ImportedDeal.Move> defaultHistory(Stage stage, LocalDate closeDate, Instant createdAt) {
		var now = this.clock.instant();
		Instant at = createdAt != null && createdAt.isBefore(now) ? createdAt : now;
		if (stage.isClosed()) {
			var closed = this.calendar.startOf(closeDate);
			at = closed.isBefore(now) ? closed : now;
		}
		return List.of(new ImportedDeal.Move(stage, at));
	}

	/** Saves the row's values on a deal of this program, audited "updated by import". */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, OpportunityCommand command) {
		var before = this.opportunities.findForUpdate(id).orElseThrow();
		var now = this.clock.instant();
		this.opportunities.update(id, command, command.ownerId(), now);
		if (before.partnerId() == null && command.partnerId() != null) {
			this.attachments.record(id, command.partnerId(), actor.userId(), now, PartnerAttachments.Via.IMPORT,
					command.creditType());
		}
		this.audit.record(actor, "opportunity", id, "updated by import", before,
				this.opportunities.findForUpdate(id).orElseThrow());
	}

}
