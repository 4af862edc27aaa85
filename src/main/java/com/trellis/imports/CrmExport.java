package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The rows of a CRM export in one shape whatever the source: accounts, their owners,
 * deals and stage changes, each naming where it came from ({@code Opportunity row 7: }),
 * with every cell that cannot be read named with its column and why. Ids repeated within
 * a file are refused as duplicates. Moments without an offset are read in the given zone.
 * Reads a Salesforce data export (API field names as headers); {@link HubspotExport}
 * reads HubSpot's.
 */
final class CrmExport {

	/** The names of the deal files' columns. */
	Columns columns;

	/** The names of the account file's columns (owner, creation, website). */
	Columns accountColumns;

	final List<Account> accounts = new ArrayList<>();

	final List<User> users = new ArrayList<>();

	final List<Deal> deals = new ArrayList<>();

	final List<History> history = new ArrayList<>();

	final List<PartnerLink> partnerLinks = new ArrayList<>();

	final List<FieldError> errors = new ArrayList<>();

	CrmExport(Columns columns) {
		this.columns = columns;
		this.accountColumns = columns;
	}

	/** The source's names of the columns the plan names in its errors. */
	record Columns(String accountId, String stage, String amount, String currency, String closeDate, String ownerId,
			String createdDate, String website, String historyDeal, String historyStage, String historyDate) {

		static final Columns SALESFORCE = new Columns("AccountId", "StageName", "Amount", "CurrencyIsoCode",
				"CloseDate", "OwnerId", "CreatedDate", "Website", "OpportunityId", "StageName", "CreatedDate");

	}

	record Account(String where, String id, String name, String domain, String website, String industry, String ownerId,
			Instant createdAt, boolean partner, String type, String country) {
	}

	/**
	 * A partner account on a deal: an {@code OpportunityPartner} row, or a
	 * {@code Partner} row naming an opportunity ({@code opportunityId} null for one
	 * between two accounts).
	 */
	record PartnerLink(String where, String opportunityId, String partnerAccountId, String role, boolean primary) {
	}

	record User(String where, String id, String email, String name, Boolean active) {
	}

	record Deal(String where, String id, String accountId, String name, String stage, BigDecimal amount,
			String currency, LocalDate closeDate, String ownerId, Instant createdAt, Boolean closed, Boolean won) {
	}

	record History(String where, String opportunityId, String stage, Instant at) {
	}

	/** The export's files as text; a file may be null when not uploaded. */
	record Files(String account, String user, String opportunity, String opportunityHistory, String opportunityPartner,
			String partner) {

		Files(String account, String user, String opportunity, String opportunityHistory) {
			this(account, user, opportunity, opportunityHistory, null, null);
		}

	}

	static CrmExport readSalesforce(Files files, ZoneId zone) {
		var export = new CrmExport(Columns.SALESFORCE);
		export.readAccounts(files.account(), zone);
		export.readUsers(files.user());
		export.readDeals(files.opportunity(), zone);
		export.readHistory(files.opportunityHistory(), zone);
		export.readPartnerLinks("OpportunityPartner", files.opportunityPartner());
		export.readPartnerLinks("Partner", files.partner());
		return export;
	}

	private void readAccounts(String text, ZoneId zone) {
		var cells = new Cells("Account", this.errors);
		for (var row : cells.rows(text, List.of("Id", "Name", "OwnerId", "CreatedDate"))) {
			var website = row.get("Website");
			this.accounts.add(new Account(cells.where(row), cells.id(row), cells.required(row, "Name", Cells.NAME),
					website.isBlank() ? null : SourceValues.domain(website), cells.text(row, "Website", Cells.LINE),
					cells.text(row, "Industry", Cells.INDUSTRY), cells.required(row, "OwnerId"),
					cells.requiredMoment(row, "CreatedDate", zone),
					Boolean.TRUE.equals(cells.value(row, "IsPartner", SourceValues.flag(row.get("IsPartner")))),
					cells.text(row, "Type", Cells.LINE), cells.text(row, "BillingCountry", Cells.LINE)));
		}
	}

	private void readUsers(String text) {
		var cells = new Cells("User", this.errors);
		for (var row : cells.rows(text, List.of("Id", "Email"))) {
			var name = !row.get("Name").isBlank() ? cells.text(row, "Name", Cells.USER_NAME)
					: (Objects.toString(cells.text(row, "FirstName", Cells.USER_NAME), "") + " "
							+ Objects.toString(cells.text(row, "LastName", Cells.USER_NAME), ""))
						.strip();
			this.users.add(new User(cells.where(row), cells.id(row), cells.required(row, "Email"), name,
					cells.value(row, "IsActive", SourceValues.flag(row.get("IsActive")))));
		}
	}

	private void readDeals(String text, ZoneId zone) {
		var cells = new Cells("Opportunity", this.errors);
		for (var row : cells.rows(text,
				List.of("Id", "AccountId", "Name", "StageName", "CloseDate", "OwnerId", "CreatedDate"))) {
			var currency = row.get("CurrencyIsoCode");
			this.deals.add(new Deal(cells.where(row), cells.id(row), row.get("AccountId"),
					cells.required(row, "Name", Cells.NAME), cells.required(row, "StageName"),
					cells.value(row, "Amount", SourceValues.amount(row.get("Amount"))),
					currency.isBlank() ? null : cells.value(row, "CurrencyIsoCode", SourceValues.currency(currency)),
					cells.value(row, "CloseDate", SourceValues.day(row.get("CloseDate"))),
					cells.required(row, "OwnerId"), cells.requiredMoment(row, "CreatedDate", zone),
					cells.value(row, "IsClosed", SourceValues.flag(row.get("IsClosed"))),
					cells.value(row, "IsWon", SourceValues.flag(row.get("IsWon")))));
		}
	}

	private void readHistory(String text, ZoneId zone) {
		var cells = new Cells("OpportunityHistory", this.errors);
		for (var row : cells.rows(text, List.of("OpportunityId", "StageName", "CreatedDate"))) {
			this.history.add(new History(cells.where(row), cells.required(row, "OpportunityId"),
					cells.required(row, "StageName"), cells.requiredMoment(row, "CreatedDate", zone)));
		}
	}

	/**
	 * {@code OpportunityPartner} (OpportunityId, AccountToId, Role, IsPrimary) or
	 * {@code Partner} (the same, OpportunityId blank when it links two accounts).
	 */
	private void readPartnerLinks(String file, String text) {
		var cells = new Cells(file, this.errors);
		var required = "Partner".equals(file) ? List.of("AccountToId") : List.of("OpportunityId", "AccountToId");
		for (var row : cells.rows(text, required)) {
			if (!row.get("Id").isBlank()) {
				cells.id(row);
			}
			var opportunity = "Partner".equals(file) ? blankToNull(row.get("OpportunityId"))
					: cells.required(row, "OpportunityId");
			this.partnerLinks.add(new PartnerLink(cells.where(row), opportunity, cells.required(row, "AccountToId"),
					blankToNull(row.get("Role")),
					Boolean.TRUE.equals(cells.value(row, "IsPrimary", SourceValues.flag(row.get("IsPrimary"))))));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** Reads one file's cells, adding an error for each that cannot be read. */
	static final class Cells {

		/** The longest id, e-mail or other one-line value. */
		static final int LINE = 254;

		/** The longest account or deal name (as the API's). */
		static final int NAME = 200;

		/** The longest industry (as the API's). */
		static final int INDUSTRY = 60;

		/** The longest user name (as the API's). */
		static final int USER_NAME = 120;

		private final String name;

		private final List<FieldError> errors;

		private final HashSet<String> ids = new HashSet<>();

		private CsvImport file;

		Cells(String name, List<FieldError> errors) {
			this.name = name;
			this.errors = errors;
		}

		List<CsvImport.Row> rows(String text, List<String> required) {
			if (text == null) {
				return List.of();
			}
			try {
				this.file = CsvImport.read(text, required);
				return this.file.rows();
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(e -> this.errors.add(new FieldError(this.name + " " + e.field(), e.message())));
				return List.of();
			}
		}

		/**
		 * Reads a file's cells whose rows the caller read, naming columns as it writes
		 * them.
		 */
		Cells of(CsvImport file) {
			this.file = file;
			return this;
		}

		/** A column's name as the file writes it. */
		String written(String column) {
			return this.file == null ? column : this.file.written(column);
		}

		String where(CsvImport.Row row) {
			return this.name + " " + row.label();
		}

		String id(CsvImport.Row row) {
			return id(row, "Id");
		}

		String id(CsvImport.Row row, String column) {
			var id = required(row, column);
			if (id != null && !this.ids.add(id)) {
				error(row, column, "duplicate id '" + id + "': an earlier row of the file has it");
			}
			return id;
		}

		/** A value every row must have: one line ({@link SourceValues#line}). */
		String required(CsvImport.Row row, String column) {
			return required(row, column, LINE);
		}

		String required(CsvImport.Row row, String column, int max) {
			if (row.get(column).isBlank()) {
				error(row, column, "missing " + written(column));
				return null;
			}
			return text(row, column, max);
		}

		/** An optional value of one line, null when blank or refused. */
		String text(CsvImport.Row row, String column, int max) {
			var line = SourceValues.line(row.get(column), max);
			if (!line.ok()) {
				error(row, column, written(column) + " " + line.refusal());
			}
			return line.value();
		}

		Instant requiredMoment(CsvImport.Row row, String column, ZoneId zone) {
			var text = row.get(column);
			if (text.isBlank()) {
				error(row, column, "missing " + written(column) + "; the import keeps the source's dates");
				return null;
			}
			return value(row, column, SourceValues.moment(text, zone));
		}

		<T> T value(CsvImport.Row row, String column, SourceValues.Parsed<T> parsed) {
			if (!parsed.ok()) {
				error(row, column, parsed.refusal());
			}
			return parsed.value();
		}

		void error(CsvImport.Row row, String column, String message) {
			this.errors.add(new FieldError(this.name + " " + row.label() + written(column), message));
		}

	}

}
