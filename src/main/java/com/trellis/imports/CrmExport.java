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
import com.trellis.shared.CsvStream;
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

	private ImportProgress progress = ImportProgress.NONE;

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

	/** The export's files; a file may be null when not uploaded. */
	record Files(ImportFile account, ImportFile user, ImportFile opportunity, ImportFile opportunityHistory,
			ImportFile opportunityPartner, ImportFile partner) {

	}

	static CrmExport readSalesforce(Files files, ZoneId zone) {
		return readSalesforce(files, zone, ImportProgress.NONE);
	}

	/** Reads the files streaming, telling {@code progress} of each row read. */
	static CrmExport readSalesforce(Files files, ZoneId zone, ImportProgress progress) {
		var export = new CrmExport(Columns.SALESFORCE);
		export.progress = progress;
		export.readAccounts(files.account(), zone);
		export.readUsers(files.user());
		export.readDeals(files.opportunity(), zone);
		export.readHistory(files.opportunityHistory(), zone);
		export.readPartnerLinks("OpportunityPartner", files.opportunityPartner());
		export.readPartnerLinks("Partner", files.partner());
		return export;
	}

	private void readAccounts(ImportFile text, ZoneId zone) {
		var cells = new Cells("Account", this.errors).telling(this.progress);
		cells.rows(text, List.of("Id", "Name", "OwnerId", "CreatedDate"), row -> {
			var website = row.get("Website");
			this.accounts.add(new Account(cells.where(row), cells.id(row), cells.required(row, "Name", Cells.NAME),
					website.isBlank() ? null : SourceValues.domain(website), cells.text(row, "Website", Cells.LINE),
					cells.text(row, "Industry", Cells.INDUSTRY), cells.required(row, "OwnerId"),
					cells.requiredMoment(row, "CreatedDate", zone),
					Boolean.TRUE.equals(cells.value(row, "IsPartner", SourceValues.flag(row.get("IsPartner")))),
					cells.text(row, "Type", Cells.LINE), cells.text(row, "BillingCountry", Cells.LINE)));
		});
	}

	private void readUsers(ImportFile text) {
		var cells = new Cells("User", this.errors).telling(this.progress);
		cells.rows(text, List.of("Id", "Email"), row -> {
			var name = !row.get("Name").isBlank() ? cells.text(row, "Name", Cells.USER_NAME)
					: (Objects.toString(cells.text(row, "FirstName", Cells.USER_NAME), "") + " "
							+ Objects.toString(cells.text(row, "LastName", Cells.USER_NAME), ""))
						.strip();
			this.users.add(new User(cells.where(row), cells.id(row), cells.required(row, "Email"), name,
					cells.value(row, "IsActive", SourceValues.flag(row.get("IsActive")))));
		});
	}

	private void readDeals(ImportFile text, ZoneId zone) {
		var cells = new Cells("Opportunity", this.errors).telling(this.progress);
		cells.rows(text, List.of("Id", "AccountId", "Name", "StageName", "CloseDate", "OwnerId", "CreatedDate"),
				row -> {
					var currency = row.get("CurrencyIsoCode");
					this.deals.add(new Deal(cells.where(row), cells.id(row), row.get("AccountId"),
							cells.required(row, "Name", Cells.NAME), cells.required(row, "StageName"),
							cells.value(row, "Amount", SourceValues.amount(row.get("Amount"))),
							currency.isBlank() ? null
									: cells.value(row, "CurrencyIsoCode", SourceValues.currency(currency)),
							cells.value(row, "CloseDate", SourceValues.day(row.get("CloseDate"))),
							cells.required(row, "OwnerId"), cells.requiredMoment(row, "CreatedDate", zone),
							cells.value(row, "IsClosed", SourceValues.flag(row.get("IsClosed"))),
							cells.value(row, "IsWon", SourceValues.flag(row.get("IsWon")))));
				});
	}

	private void readHistory(ImportFile text, ZoneId zone) {
		var cells = new Cells("OpportunityHistory", this.errors).telling(this.progress);
		cells.rows(text, List.of("OpportunityId", "StageName", "CreatedDate"), row -> {
			this.history.add(new History(cells.where(row), cells.required(row, "OpportunityId"),
					cells.required(row, "StageName"), cells.requiredMoment(row, "CreatedDate", zone)));
		});
	}

	/**
	 * {@code OpportunityPartner} (OpportunityId, AccountToId, Role, IsPrimary) or
	 * {@code Partner} (the same, OpportunityId blank when it links two accounts).
	 */
	private void readPartnerLinks(String file, ImportFile text) {
		var cells = new Cells(file, this.errors).telling(this.progress);
		var required = "Partner".equals(file) ? List.of("AccountToId") : List.of("OpportunityId", "AccountToId");
		cells.rows(text, required, row -> {
			if (!row.get("Id").isBlank()) {
				cells.id(row);
			}
			var opportunity = "Partner".equals(file) ? blankToNull(row.get("OpportunityId"))
					: cells.required(row, "OpportunityId");
			this.partnerLinks.add(new PartnerLink(cells.where(row), opportunity, cells.required(row, "AccountToId"),
					blankToNull(row.get("Role")),
					Boolean.TRUE.equals(cells.value(row, "IsPrimary", SourceValues.flag(row.get("IsPrimary"))))));
		});
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

		private ImportProgress progress = ImportProgress.NONE;

		private java.util.function.UnaryOperator<String> written = column -> column;

		Cells(String name, List<FieldError> errors) {
			this.name = name;
			this.errors = errors;
		}

		/**
		 * Hands each row of the file to {@code each}, streaming; a file that cannot be
		 * read adds its error (named with the file) and no more rows.
		 */
		void rows(ImportFile file, List<String> required, java.util.function.Consumer<CsvImport.Row> each) {
			if (file == null) {
				return;
			}
			try (var in = CsvStream.open(file.open(), required)) {
				this.written = in::written;
				in.forEach(row -> {
					this.progress.read();
					each.accept(row);
				});
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(e -> this.errors.add(new FieldError(this.name + " " + e.field(), e.message())));
			}
		}

		Cells telling(ImportProgress progress) {
			this.progress = progress;
			return this;
		}

		/**
		 * Reads a file's cells whose rows the caller read, naming columns as it writes
		 * them.
		 */
		Cells of(CsvImport file) {
			this.written = file::written;
			return this;
		}

		/** A column's name as the file writes it. */
		String written(String column) {
			return this.written.apply(column);
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
