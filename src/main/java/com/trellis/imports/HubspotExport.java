package com.trellis.imports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads HubSpot's exports of companies and deals into a {@link CrmExport}. Each column is
 * found by its label in the export ("Record ID", "Company Domain Name", "Deal Stage",
 * "Close Date", "Associated Company IDs", ...) or its internal property name
 * ({@code hs_object_id}, {@code domain}, {@code dealstage}, {@code closedate}, ...),
 * ignoring case. Owners are matched by e-mail ("Owner email", or an e-mail in "Deal
 * owner"/"Company owner"). A deal's stage history comes from its "Date entered
 * &lt;stage&gt;" columns ({@code hs_date_entered_<stage>} internally).
 */
final class HubspotExport {

	static final CrmExport.Columns COLUMNS = new CrmExport.Columns("Associated Company IDs", "Deal Stage", "Amount",
			"Currency", "Close Date", "Deal owner", "Create Date", "Company Domain Name", "Record ID", "Deal Stage",
			"Date entered");

	private static final Pattern DATE_ENTERED = Pattern
		.compile("^(?:date entered [\"']?(.+?)(?: \\([^)]*\\))?[\"']?|hs_date_entered_(.+))$");

	private HubspotExport() {
	}

	/**
	 * HubSpot's companies and deals files; read whole (HubSpot exports are small next to
	 * a Salesforce data export, whose files are streamed).
	 */
	record Files(ImportFile companies, ImportFile deals) {
	}

	static CrmExport read(Files files, ZoneId zone) {
		var export = new CrmExport(COLUMNS);
		var owners = new HashSet<String>();
		readCompanies(export, files.companies() == null ? null : files.companies().text(), zone, owners);
		readDeals(export, files.deals() == null ? null : files.deals().text(), zone, owners);
		return export;
	}

	private static void readCompanies(CrmExport export, String text, ZoneId zone, HashSet<String> owners) {
		var cells = new CrmExport.Cells("companies", export.errors);
		var file = read(text, "companies", export.errors);
		if (file == null) {
			return;
		}
		var id = column(file, export, "companies", "Record ID", "hs_object_id", "Company ID");
		var name = column(file, export, "companies", "Company name", "name");
		var created = column(file, export, "companies", "Create Date", "createdate");
		var owner = column(file, export, "companies", "Owner email", "Company owner", "hubspot_owner_email");
		var domain = optional(file, "Company Domain Name", "domain", "Website URL", "website");
		var industry = optional(file, "Industry");
		if (id == null || name == null || created == null || owner == null) {
			return;
		}
		cells.of(file);
		var columns = export.accountColumns;
		export.accountColumns = new CrmExport.Columns(columns.accountId(), columns.stage(), columns.amount(),
				columns.currency(), columns.closeDate(), file.written(owner), file.written(created),
				domain == null ? columns.website() : file.written(domain), columns.historyDeal(),
				columns.historyStage(), columns.historyDate());
		for (var row : file.rows()) {
			var website = domain == null ? "" : row.get(domain);
			var ownerValue = user(export, cells, row, owner, owners);
			export.accounts.add(new CrmExport.Account(cells.where(row), cells.id(row, id),
					cells.required(row, name, CrmExport.Cells.NAME),
					website.isBlank() ? null : SourceValues.domain(website),
					domain == null ? null : cells.text(row, domain, CrmExport.Cells.LINE),
					industry == null ? null : cells.text(row, industry, CrmExport.Cells.INDUSTRY), ownerValue,
					cells.requiredMoment(row, created, zone), false, null, null));
		}
	}

	private static void readDeals(CrmExport export, String text, ZoneId zone, HashSet<String> owners) {
		var cells = new CrmExport.Cells("deals", export.errors);
		var file = read(text, "deals", export.errors);
		if (file == null) {
			return;
		}
		var id = column(file, export, "deals", "Record ID", "hs_object_id", "Deal ID");
		var name = column(file, export, "deals", "Deal Name", "dealname");
		var stage = column(file, export, "deals", "Deal Stage", "dealstage");
		var created = column(file, export, "deals", "Create Date", "createdate");
		var close = column(file, export, "deals", "Close Date", "closedate");
		var owner = column(file, export, "deals", "Owner email", "Deal owner", "hubspot_owner_email");
		var company = column(file, export, "deals", "Associated Company IDs", "Associated Company ID",
				"associatedcompanyids");
		var amount = optional(file, "Amount", "amount");
		var currency = optional(file, "Currency", "deal_currency_code");
		var won = optional(file, "Is Closed Won", "hs_is_closed_won");
		var closed = optional(file, "Is closed", "hs_is_closed");
		if (id == null || name == null || stage == null || created == null || close == null || owner == null
				|| company == null) {
			return;
		}
		cells.of(file);
		export.columns = new CrmExport.Columns(file.written(company), file.written(stage),
				amount == null ? COLUMNS.amount() : file.written(amount),
				currency == null ? COLUMNS.currency() : file.written(currency), file.written(close),
				file.written(owner), file.written(created), export.accountColumns.website(), file.written(id),
				file.written(stage), COLUMNS.historyDate());
		for (var row : file.rows()) {
			var dealId = cells.id(row, id);
			var companies = row.get(company).split("[;,]");
			var currencyText = currency == null ? "" : row.get(currency);
			var wonFlag = won == null ? null : cells.value(row, won, SourceValues.flag(row.get(won)));
			var closedFlag = closed == null ? null : cells.value(row, closed, SourceValues.flag(row.get(closed)));
			export.deals.add(new CrmExport.Deal(cells.where(row), dealId, companies[0].strip(),
					cells.required(row, name, CrmExport.Cells.NAME), cells.required(row, stage),
					amount == null ? null : cells.value(row, amount, SourceValues.amount(row.get(amount))),
					currencyText.isBlank() ? null : cells.value(row, currency, SourceValues.currency(currencyText)),
					day(cells, row, close, zone), user(export, cells, row, owner, owners),
					cells.requiredMoment(row, created, zone), closedFlag, wonFlag));
			for (var column : file.header()) {
				var entered = DATE_ENTERED.matcher(column);
				if (entered.matches() && !row.get(column).isBlank()) {
					var stageName = entered.group(1) != null ? entered.group(1) : entered.group(2);
					export.history.add(new CrmExport.History(cells.where(row), dealId, stageName,
							cells.value(row, column, SourceValues.moment(row.get(column), zone))));
				}
			}
		}
	}

	/**
	 * A close date as a day or a moment (HubSpot writes either), as the day in the zone.
	 */
	private static LocalDate day(CrmExport.Cells cells, CsvImport.Row row, String column, ZoneId zone) {
		var text = row.get(column).strip();
		if (text.length() <= 10) {
			return cells.value(row, column, SourceValues.day(text));
		}
		var moment = cells.value(row, column, SourceValues.moment(text, zone));
		return moment == null ? null : moment.atZone(zone).toLocalDate();
	}

	/** The owner named in a row, added once to the export's users by e-mail. */
	private static String user(CrmExport export, CrmExport.Cells cells, CsvImport.Row row, String column,
			HashSet<String> owners) {
		var value = cells.required(row, column);
		if (value != null && owners.add(value.toLowerCase(Locale.ROOT))) {
			export.users.add(new CrmExport.User(cells.where(row), value, value, value, null));
		}
		return value;
	}

	private static CsvImport read(String text, String file, List<FieldError> errors) {
		if (text == null) {
			return null;
		}
		try {
			return CsvImport.read(text, List.of());
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach(e -> errors.add(new FieldError(file + " " + e.field(), e.message())));
			return null;
		}
	}

	private static String column(CsvImport file, CrmExport export, String name, String... candidates) {
		var found = optional(file, candidates);
		if (found == null) {
			export.errors.add(new FieldError(name + " header",
					"missing column " + String.join(" (or ", candidates) + ")".repeat(candidates.length - 1)));
		}
		return found;
	}

	private static String optional(CsvImport file, String... candidates) {
		var names = new ArrayList<String>();
		for (var candidate : candidates) {
			names.add(candidate.toLowerCase(Locale.ROOT));
		}
		return names.stream().filter(file.header()::contains).findFirst().orElse(null);
	}

}
