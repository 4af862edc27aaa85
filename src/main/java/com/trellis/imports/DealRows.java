package com.trellis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.trellis.accounts.Accounts;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealFormatImport;
import com.trellis.deals.DealSource;
import com.trellis.deals.OpportunityCommand;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.Commands;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis deal format: the opportunities list export's own columns ({@code id,
 * name, account_id, account, amount, currency, stage, close_date, owner_id, source,
 * partner_id, credit_type, partner_share}). A row with {@code id} edits that deal of this
 * program and is held to the deal edit's rules; a row with {@code source_id} names a deal
 * of another system, created once and matched through {@code import_record} (system
 * {@code TRELLIS}, object {@code Opportunity}) on every later import. The account is
 * named by {@code account_id}, {@code account_domain} or {@code account} (its exact
 * name), the owner by {@code owner_id} or {@code owner_email}, the partner by
 * {@code partner_id} or {@code partner_source_id}. A row equal to its deal is unchanged.
 * {@code created_at} and {@code stage_history} (the export writes both) give a new deal
 * the moment it was created and every stage move with its moment
 * ({@link StageHistoryText}); for a deal already here they must be the recorded ones, as
 * a file never rewrites a recorded history.
 */
@Component
class DealRows {

	static final String OBJECT = "Opportunity";

	static final List<String> REQUIRED = List.of("name", "amount", "currency", "stage");

	/** The file's column for each field of the command, in the order they are tried. */
	private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
			Map.entry("accountId", List.of("account_id", "account_domain", "account")),
			Map.entry("name", List.of("name")), Map.entry("amount", List.of("amount")),
			Map.entry("currency", List.of("currency")), Map.entry("stage", List.of("stage")),
			Map.entry("closeDate", List.of("close_date")), Map.entry("ownerId", List.of("owner_id", "owner_email")),
			Map.entry("source", List.of("source")), Map.entry("partnerId", List.of("partner_id", "partner_source_id")),
			Map.entry("creditType", List.of("credit_type")), Map.entry("partnerShare", List.of("partner_share")),
			Map.entry("createdAt", List.of("created_at")), Map.entry("stageHistory", List.of("stage_history")));

	private final DealFormatImport deals;

	private final Accounts accounts;

	private final Users users;

	private final FormatRecords records;

	private final FormatPartners partners;

	private final Commands commands;

	private final Clock clock;

	DealRows(DealFormatImport deals, Accounts accounts, Users users, FormatRecords records, FormatPartners partners,
			Commands commands, Clock clock) {
		this.clock = clock;
		this.deals = deals;
		this.accounts = accounts;
		this.users = users;
		this.records = records;
		this.partners = partners;
		this.commands = commands;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var knownPartners = this.partners.known(file);
		KeyedRows.plan(this.records, OBJECT, "a deal", file, plan, id -> this.deals.find(viewer, id), (cells, existing,
				sourceId, before) -> planRow(viewer, cells, existing, sourceId, knownPartners, plan, before));
	}

	private void planRow(Viewer viewer, FormatCells cells, OpportunityView existing, String sourceId,
			Map<String, Long> knownPartners, FormatPlan plan, int before) {
		var name = cells.line("name", 200, true);
		var account = account(cells, existing);
		var amount = DealCells.amount(cells, existing);
		var currency = com.trellis.shared.validation.CurrencyRule.normalized(cells.text("currency"));
		if (currency.isEmpty()) {
			cells.error("currency", "", "is required");
		}
		var stage = DealCells.choice(cells, "stage", Stage.values(), true);
		var closeDate = cells.has("close_date") ? cells.day("close_date")
				: existing == null ? null : existing.closeDate();
		var owner = owner(cells, existing);
		var partner = partner(viewer, cells, existing, knownPartners);
		var credit = cells.has("credit_type") ? DealCells.choice(cells, "credit_type", CreditType.values(), false)
				: existing == null ? null : existing.creditType();
		var share = cells.has("partner_share") ? DealCells.share(cells)
				: existing == null ? null : existing.partnerShare();
		var source = cells.has("source") ? DealCells.choice(cells, "source", DealSource.values(), true)
				: existing != null ? existing.source()
						: credit == CreditType.SOURCED ? DealSource.PARTNER : DealSource.DIRECT;
		var createdAt = DealHistoryCells.moment(cells, "created_at");
		var history = DealHistoryCells.history(cells);
		if (existing != null && cells.read("created_at", "stage_history")) {
			DealHistoryCells.keepsRecorded(this.deals, cells, existing, createdAt, history);
		}
		var command = new OpportunityCommand(account, name, amount, currency, stage, closeDate, owner, source, partner,
				credit, share);
		if (existing != null && plan.errors.size() == before && same(existing, command)) {
			plan.unchanged();
			return;
		}
		// the cells that were read are held to the rules even when another is refused:
		// each field's own rules always, the history's when its cells were read, the
		// edit's and the owner's (which read the whole deal) when every cell was
		boolean read = plan.errors.size() == before;
		try {
			this.commands.check(command);
		}
		catch (InvalidInputException ex) {
			cells.rule(ex.errors(), field -> column(cells, field));
		}
		if (existing == null && stage != null && cells.read("stage", "close_date", "created_at", "stage_history")) {
			cells.rule(this.deals.historyRefusal(stage, closeDate, createdAt, history), field -> column(cells, field));
		}
		if (read && plan.errors.size() == before) {
			report(cells, this.deals.refusal(viewer, existing, command));
		}
		if (plan.errors.size() > before) {
			return;
		}
		if (existing == null) {
			plan.create(() -> {
				long created = this.deals.create(viewer.actor(), command, createdAt, history);
				this.records.save(OBJECT, sourceId, created, this.clock.instant());
			});
		}
		else {
			long id = existing.id();
			plan.update(() -> this.deals.update(viewer.actor(), id, command));
		}
	}

	private Long account(FormatCells cells, OpportunityView existing) {
		var id = cells.id("account_id");
		var domain = cells.text("account_domain");
		var name = cells.text("account");
		if (id != null) {
			// an unknown account is said with the row's other faults, not only once they
			// are mended (the deal's rules, which also say it, run on a whole row)
			if (!this.accounts.exists(id)) {
				cells.error("account_id", cells.text("account_id"), "no account with id " + id);
				return null;
			}
			if (!name.isEmpty()) {
				var actual = this.accounts.names(List.of(id)).get(id);
				if (actual != null && !actual.strip().equalsIgnoreCase(name)) {
					cells.error("account", name, "is not the name of account " + id + " (" + actual + ")");
				}
			}
			return id;
		}
		if (!cells.text("account_id").isEmpty()) {
			return null;
		}
		if (!domain.isEmpty()) {
			var found = this.accounts.byWebDomain(domain);
			if (found.isEmpty()) {
				cells.error("account_domain", domain, "is the domain of no account of this program");
			}
			return found.orElse(null);
		}
		if (!name.isEmpty()) {
			var found = this.accounts.idsByName(name);
			if (found.size() != 1) {
				cells.error("account", name, found.isEmpty() ? "is the name of no account of this program"
						: "names several accounts; give account_id or account_domain");
				return null;
			}
			return found.get(0);
		}
		if (existing != null) {
			return existing.accountId();
		}
		cells.empty("account_id", "or account_domain or account is required");
		return null;
	}

	private Long owner(FormatCells cells, OpportunityView existing) {
		var id = cells.id("owner_id");
		if (id != null || !cells.text("owner_id").isEmpty()) {
			return owns(cells, "owner_id", id, existing);
		}
		var email = cells.text("owner_email");
		if (!email.isEmpty()) {
			var user = this.users.byEmail(email);
			if (user.isEmpty()) {
				cells.error("owner_email", email, "is no user of this program");
				return null;
			}
			return owns(cells, "owner_email", user.get().id(), existing);
		}
		if (existing != null) {
			return existing.ownerId();
		}
		cells.empty("owner_id", "or owner_email is required for a new deal");
		return null;
	}

	/**
	 * The owner named in {@code column}, refused there, with the row's other faults, when
	 * it would become the deal's owner and is no active account executive or sales
	 * manager (the deal's rule, {@code DealRules}, says the same of a whole row).
	 */
	private Long owns(FormatCells cells, String column, Long id, OpportunityView existing) {
		if (id == null || (existing != null && existing.ownerId() == id)) {
			return id;
		}
		var user = this.users.findEnabled(id);
		if (user.isEmpty() || !(user.get().role() == Role.AE || user.get().role() == Role.SALES_MANAGER)) {
			cells.error(column, cells.text(column), "must name an active account executive or sales manager");
			return null;
		}
		return id;
	}

	private Long partner(Viewer viewer, FormatCells cells, OpportunityView existing, Map<String, Long> known) {
		if (cells.text("partner_id").isEmpty() && cells.text("partner_source_id").isEmpty()) {
			return cells.has("partner_id") || cells.has("partner_source_id") || existing == null ? null
					: existing.partnerId();
		}
		return this.partners.resolve(viewer, cells, known);
	}

	/** Reports the port's errors under the file's own columns. */
	private static void report(FormatCells cells, List<FieldError> errors) {
		for (var error : errors) {
			var column = column(cells, error.field().replaceAll("\\[.*", ""));
			cells.error(column, cells.text(column), error.message());
		}
	}

	/** The file's column of a command's field: the first of its columns the row fills. */
	private static String column(FormatCells cells, String field) {
		var columns = COLUMNS.getOrDefault(field, List.of(field));
		return columns.stream().filter(c -> !cells.text(c).isEmpty()).findFirst().orElse(columns.get(0));
	}

	private static boolean same(OpportunityView deal, OpportunityCommand command) {
		return deal.name().equals(command.name()) && deal.accountId() == command.accountId()
				&& deal.amount().compareTo(command.amount()) == 0 && deal.currency().equals(command.currency())
				&& deal.stage() == command.stage() && Objects.equals(deal.closeDate(), command.closeDate())
				&& deal.ownerId() == command.ownerId() && deal.source() == command.source()
				&& Objects.equals(deal.partnerId(), command.partnerId()) && deal.creditType() == command.creditType()
				&& (deal.partnerShare() == null ? command.partnerShare() == null
						: command.partnerShare() != null && deal.partnerShare().compareTo(command.partnerShare()) == 0);
	}

}
