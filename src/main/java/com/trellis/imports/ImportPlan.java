package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.trellis.deals.CreditType;
import com.trellis.deals.ImportedDeal;
import com.trellis.deals.Stage;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.MinorUnits;

/**
 * Turns the rows of a Salesforce export into the partners, accounts and deals to write,
 * with the deals' stage moves and partner credit, and an error for every row that cannot
 * be imported truthfully. The rules for gaps are in docs/import.md.
 */
final class ImportPlan {

	record AccountRow(String sourceId, String name, String domain, String industry, String ownerEmail,
			Instant createdAt) {
	}

	record DealRow(String sourceId, String accountSourceId, String name, BigDecimal amount, String currency,
			LocalDate closeDate, String ownerEmail, Instant createdAt, List<ImportedDeal.Move> moves,
			boolean amountUnknown, String partnerSourceId, CreditType credit) {

		DealRow {
			amount = MinorUnits.round(amount, currency);
		}

	}

	/** An {@code IsPartner} account: becomes a Trellis partner. */
	record PartnerRow(String sourceId, String name, String domain, String type, String country, String ownerEmail,
			Instant createdAt) {
	}

	/** The partner account chosen for a deal and its role there. */
	private record Link(String partnerSourceId, String role) {
	}

	final List<PartnerRow> partners = new ArrayList<>();

	final List<AccountRow> accounts = new ArrayList<>();

	final List<DealRow> deals = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	private final Map<String, Link> links = new LinkedHashMap<>();

	private CrmExport.Columns columns;

	/**
	 * @param importedAccounts source ids of accounts imported before (not in this file)
	 * @param importedPartners source ids of partner accounts imported before
	 * @param currencyKnown whether a currency has an exchange rate
	 * @param startOf the first moment of a business day
	 */
	static ImportPlan of(CrmExport export, ImportMapping mapping, StageMap stages, OwnerMatch owners,
			String defaultCurrency, Set<String> importedAccounts, Set<String> importedPartners, PartnerCredits credits,
			Function<String, Boolean> currencyKnown, Function<LocalDate, Instant> startOf, List<FieldError> errors) {
		var plan = new ImportPlan();
		plan.columns = export.columns;
		var columns = export.columns;
		var accountIds = new HashSet<>(importedAccounts);
		var partnerIds = new HashSet<>(importedPartners);
		for (var a : export.accounts) {
			var owner = owners.of(a.ownerId(), a.where(), export.accountColumns.ownerId(), errors);
			if (a.partner()) {
				partnerIds.add(a.id());
				if (a.id() != null && a.name() != null && a.createdAt() != null && owner != null) {
					plan.partners.add(new PartnerRow(a.id(), a.name(), a.domain(), a.type(), a.country(), owner.email(),
							a.createdAt()));
				}
				continue;
			}
			accountIds.add(a.id());
			if (a.website() != null && !a.website().isBlank() && a.domain() == null) {
				plan.warnings.add(a.where() + export.accountColumns.website() + " '" + a.website()
						+ "' is not a web domain; imported without one");
			}
			if (a.id() != null && a.name() != null && a.createdAt() != null && owner != null) {
				plan.accounts
					.add(new AccountRow(a.id(), a.name(), a.domain(), a.industry(), owner.email(), a.createdAt()));
			}
		}
		var history = new LinkedHashMap<String, List<CrmExport.History>>();
		var dealIds = new HashSet<String>();
		export.deals.forEach(d -> dealIds.add(d.id()));
		for (var h : export.history) {
			if (h.opportunityId() != null && !dealIds.contains(h.opportunityId())) {
				errors.add(new FieldError(h.where() + columns.historyDeal(),
						"deal '" + h.opportunityId() + "' is not in the file of deals"));
			}
			else if (h.opportunityId() != null) {
				history.computeIfAbsent(h.opportunityId(), k -> new ArrayList<>()).add(h);
			}
		}
		plan.link(export.partnerLinks, dealIds, partnerIds, accountIds, credits, errors);
		credits.decide(mapping, errors);
		for (var d : export.deals) {
			plan.deal(d, history.getOrDefault(d.id(), List.of()), stages, owners, defaultCurrency, accountIds, credits,
					currencyKnown, startOf, errors);
		}
		return plan;
	}

	/**
	 * The partner on each deal: of several rows for one deal the primary one, else the
	 * first (a Trellis deal has one partner); rows between two accounts are left out.
	 */
	private void link(List<CrmExport.PartnerLink> rows, Set<String> dealIds, Set<String> partnerIds,
			Set<String> accountIds, PartnerCredits credits, List<FieldError> errors) {
		int betweenAccounts = 0;
		int secondary = 0;
		var primary = new HashSet<String>();
		for (var link : rows) {
			if (link.opportunityId() == null) {
				betweenAccounts++;
				continue;
			}
			boolean bad = false;
			if (!dealIds.contains(link.opportunityId())) {
				errors.add(new FieldError(link.where() + "OpportunityId", "unknown opportunity '" + link.opportunityId()
						+ "': not in the Opportunity file; upload the deal with its partners"));
				bad = true;
			}
			if (link.partnerAccountId() != null && !partnerIds.contains(link.partnerAccountId())) {
				errors.add(new FieldError(link.where() + "AccountToId", "unknown partner account '"
						+ link.partnerAccountId() + "': "
						+ (accountIds.contains(link.partnerAccountId()) ? "the account is not marked IsPartner"
								: "not an IsPartner account of the Account file and not imported before as a partner")));
				bad = true;
			}
			if (bad || link.partnerAccountId() == null) {
				continue;
			}
			credits.use(link.role());
			var chosen = new Link(link.partnerAccountId(), link.role());
			if (!this.links.containsKey(link.opportunityId())) {
				this.links.put(link.opportunityId(), chosen);
			}
			else if (link.primary() && primary.add(link.opportunityId())) {
				this.links.put(link.opportunityId(), chosen);
				secondary++;
			}
			else {
				secondary++;
			}
			if (link.primary()) {
				primary.add(link.opportunityId());
			}
		}
		if (betweenAccounts > 0) {
			this.warnings.add(betweenAccounts + " Partner rows link two accounts, not a deal; left out");
		}
		if (secondary > 0) {
			this.warnings.add(secondary
					+ " partner rows name a second partner on a deal; a Trellis deal has one partner: the primary one"
					+ " (IsPrimary), else the first row, is imported");
		}
	}

	private void deal(CrmExport.Deal d, List<CrmExport.History> history, StageMap stages, OwnerMatch owners,
			String defaultCurrency, Set<String> accountIds, PartnerCredits credits,
			Function<String, Boolean> currencyKnown, Function<LocalDate, Instant> startOf, List<FieldError> errors) {
		var row = d.where();
		var columns = this.columns;
		int before = errors.size();
		if (d.accountId().isBlank()) {
			errors.add(new FieldError(row + columns.accountId(), "missing account: the deal names no account"));
		}
		else if (!accountIds.contains(d.accountId().strip())) {
			errors.add(new FieldError(row + columns.accountId(), "missing account '" + d.accountId()
					+ "': not in the Account file (or a partner account) and not imported before"));
		}
		var stage = d.stage() == null ? null : stages.of(d.stage());
		if (d.stage() != null && stage == null) {
			errors.add(new FieldError(row + columns.stage(),
					"unknown stage '" + d.stage() + "'; map it to a Trellis stage in the mapping step"));
		}
		if (stage != null && d.closed() != null && stage.isClosed() != d.closed()) {
			errors.add(new FieldError(row + columns.stage(), "stage '" + d.stage() + "' maps to " + stage
					+ " but the export says it is " + (d.closed() ? "closed" : "open")));
		}
		if (stage != null && d.won() != null && (stage == Stage.CLOSED_WON) != d.won()) {
			errors.add(new FieldError(row + columns.stage(), "stage '" + d.stage() + "' maps to " + stage
					+ " but the export says it was " + (d.won() ? "won" : "not won")));
		}
		boolean amountUnknown = d.amount() == null;
		if (amountUnknown && stage == Stage.CLOSED_WON && !refused(errors, row + columns.amount())) {
			errors.add(new FieldError(row + columns.amount(),
					"missing Amount: a won deal needs the amount it was won for"));
		}
		var currency = d.currency() != null ? d.currency() : defaultCurrency;
		if (currency != null && !currencyKnown.apply(currency)) {
			errors.add(new FieldError(row + columns.currency(),
					"no exchange rate for " + currency + "; add the rate before importing deals in it"));
		}
		if (stage != null && stage.isClosed() && d.closeDate() == null && history.isEmpty()) {
			errors.add(new FieldError(row + columns.closeDate(),
					"missing " + columns.closeDate() + ": a closed deal needs the day it closed"));
		}
		var owner = owners.of(d.ownerId(), row, columns.ownerId(), errors);
		var moves = stage == null || d.createdAt() == null ? List.<ImportedDeal.Move>of()
				: moves(d, stage, history, stages, startOf, columns, errors);
		if (errors.size() > before || d.id() == null || d.name() == null || owner == null || moves.isEmpty()) {
			return;
		}
		var link = this.links.get(d.id());
		if (amountUnknown) {
			this.warnings.add(row + "Amount missing on " + (stage.isClosed() ? "a lost" : "an open")
					+ " deal; imported with the amount unknown (0, left out of weighted figures)");
		}
		this.deals.add(new DealRow(d.id(), d.accountId().strip(), d.name(),
				MinorUnits.round(amountUnknown ? BigDecimal.ZERO : d.amount(), currency), currency, d.closeDate(),
				owner.email(), d.createdAt(), moves, amountUnknown, link == null ? null : link.partnerSourceId(),
				link == null ? null : credits.of(link.role())));
	}

	/**
	 * The deal's stage moves: each history row that changes the mapped stage, at its
	 * time; then the deal's current stage, when the history does not end there, at the
	 * close day (closed) or the last move (open). Without history: the current stage
	 * since creation, or, closed, since the close day.
	 */
	private static List<ImportedDeal.Move> moves(CrmExport.Deal d, Stage current, List<CrmExport.History> history,
			StageMap stages, Function<LocalDate, Instant> startOf, CrmExport.Columns columns, List<FieldError> errors) {
		var moves = new ArrayList<ImportedDeal.Move>();
		var sorted = history.stream()
			.filter(h -> h.at() != null && h.stage() != null)
			.sorted(Comparator.comparing(CrmExport.History::at))
			.toList();
		boolean bad = false;
		for (var h : sorted) {
			var row = h.where();
			var stage = stages.of(h.stage());
			if (stage == null) {
				errors.add(new FieldError(row + columns.historyStage(),
						"unknown stage '" + h.stage() + "'; map it to a Trellis stage in the mapping step"));
				bad = true;
			}
			else if (h.at().isBefore(d.createdAt())) {
				errors.add(new FieldError(row + columns.historyDate(), "stage change at " + h.at()
						+ " is before the opportunity was created (" + d.createdAt() + ")"));
				bad = true;
			}
			else if (moves.isEmpty() || moves.get(moves.size() - 1).stage() != stage) {
				moves.add(new ImportedDeal.Move(stage, h.at()));
			}
		}
		if (bad) {
			return List.of();
		}
		if (moves.isEmpty() || moves.get(moves.size() - 1).stage() != current) {
			var after = moves.isEmpty() ? d.createdAt() : moves.get(moves.size() - 1).at();
			var at = current.isClosed() && d.closeDate() != null ? latest(after, startOf.apply(d.closeDate())) : after;
			moves.add(new ImportedDeal.Move(current, at));
		}
		return moves;
	}

	/** Whether a cell (row and column) was refused already, as unreadable for one. */
	private static boolean refused(List<FieldError> errors, String field) {
		return errors.stream().anyMatch(e -> e.field().equalsIgnoreCase(field));
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
