package com.trellis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.trellis.accounts.AccountCommand;
import com.trellis.accounts.AccountFormatImport;
import com.trellis.accounts.AccountView;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Users;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.validation.WebDomainRule;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis account format: the accounts list export's columns ({@code id, name,
 * web_domain, industry, employee_band, owner_ae_id, country}), with {@code source_id} for
 * an account of another system and {@code owner_email} instead of {@code owner_ae_id}. A
 * row with {@code id} updates that account of this program; a row with {@code source_id}
 * creates the account once and updates it on later imports. Values are held to the
 * account form's rules ({@link AccountCommand}); a column the file does not have keeps
 * the account's value. A row equal to its account is unchanged.
 */
@Component
class AccountRows {

	static final String OBJECT = "Account";

	static final List<String> REQUIRED = List.of("name");

	/** The file's column for each field of the command. */
	private static final Map<String, String> COLUMNS = Map.of("name", "name", "webDomain", "web_domain", "industry",
			"industry", "employeeBand", "employee_band", "ownerAeId", "owner_ae_id", "country", "country");

	private final AccountFormatImport accounts;

	private final Users users;

	private final FormatRecords records;

	private final Commands commands;

	private final Clock clock;

	AccountRows(AccountFormatImport accounts, Users users, FormatRecords records, Commands commands, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.records = records;
		this.commands = commands;
		this.clock = clock;
	}

	void plan(AuditLog.Actor actor, CsvImport file, FormatPlan plan) {
		KeyedRows.plan(this.records, OBJECT, "an account", file, plan, this.accounts::find,
				(cells, existing, sourceId, before) -> planRow(actor, cells, existing, sourceId, plan, before));
	}

	private void planRow(AuditLog.Actor actor, FormatCells cells, AccountView existing, String sourceId,
			FormatPlan plan, int before) {
		var name = cells.line("name", ExportCells.NAME, true);
		var domain = kept(cells, "web_domain", existing == null ? null : existing.webDomain());
		var industry = kept(cells, "industry", existing == null ? null : existing.industry());
		var band = kept(cells, "employee_band", existing == null ? null : existing.employeeBand());
		var country = kept(cells, "country", existing == null ? null : existing.country());
		if (cells.has("country") && !country.isBlank()) {
			// read as the partner's account list and the CRM files read it: de, DEU or
			// Germany; anything else is refused by the account's rule
			country = com.trellis.shared.validation.CountryRule.code(country).orElse(country);
		}
		var owner = owner(cells, existing);
		var command = new AccountCommand(name, domain, industry, band, owner, country);
		if (existing != null && plan.errors.size() == before && same(existing, command)) {
			plan.unchanged();
			return;
		}
		// the cells that were read are held to the rules even when another is refused
		if (owner == null && cells.read("owner_ae_id", "owner_email")) {
			cells.empty("owner_ae_id", "or owner_email is required: the account has no owner to keep");
		}
		try {
			this.commands.check(command);
		}
		catch (InvalidInputException ex) {
			// a file's country may also be written as its name or three letters
			cells.rule(ex.errors()
				.stream()
				.map(e -> e.field().equals("country") ? new InvalidInputException.FieldError("country",
						"must be the two-letter ISO 3166 code of a country, such as DE (DEU or Germany also do)") : e)
				.toList(), field -> COLUMNS.getOrDefault(field, field));
		}
		if (owner != null) {
			this.accounts.ownerRefusal(owner, existing == null ? null : existing.ownerAeId())
				.ifPresent(why -> cells.error(cells.has("owner_ae_id") ? "owner_ae_id" : "owner_email",
						cells.has("owner_ae_id") ? cells.text("owner_ae_id") : cells.text("owner_email"), why));
		}
		if (plan.errors.size() > before) {
			return;
		}
		if (existing == null) {
			plan.create(() -> {
				long created = this.accounts.create(actor, command);
				this.records.save(OBJECT, sourceId, created, this.clock.instant());
			});
		}
		else {
			long id = existing.id();
			plan.update(() -> this.accounts.update(actor, id, command));
		}
	}

	/** The cell, or the account's value when the file has no such column. */
	private static String kept(FormatCells cells, String column, String current) {
		return cells.has(column) ? cells.text(column) : current;
	}

	private Long owner(FormatCells cells, AccountView existing) {
		var id = cells.id("owner_ae_id");
		if (id != null || !cells.text("owner_ae_id").isEmpty()) {
			return id;
		}
		var email = cells.text("owner_email");
		if (!email.isEmpty()) {
			var user = this.users.byEmail(email);
			if (user.isEmpty()) {
				cells.error("owner_email", email, "is no user of this program");
				return null;
			}
			return user.get().id();
		}
		if (existing == null) {
			cells.empty("owner_ae_id", "or owner_email is required for a new account");
			return null;
		}
		return existing.ownerAeId();
	}

	private static boolean same(AccountView account, AccountCommand command) {
		// a domain stored before every path read it bare (www.acme.com) is the same
		// domain
		return account.name().equals(command.name())
				&& Objects.equals(WebDomainRule.bare(account.webDomain()), command.webDomain())
				&& Objects.equals(account.industry(), command.industry())
				&& Objects.equals(account.employeeBand(), command.employeeBand())
				&& Objects.equals(account.ownerAeId(), command.ownerAeId())
				&& Objects.equals(account.country(), command.country());
	}

}
