package com.trellis.imports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.trellis.shared.CsvImport;
import com.trellis.shared.CsvStream;
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
	 * HubSpot's companies and deals files, streamed row by row as a Salesforce export's;
	 * the deals file is read twice: its deals, then the stage changes its "Date entered"
	 * columns hold.
	 */
	record Files(ImportFile companies, ImportFile deals) implements CrmExport.Source {

		@Override
		public void read(CrmExport export) {
			var owners = new HashSet<String>();
			readCompanies(export, companies(), owners);
			readDeals(export, deals(), owners);
		}

	}

	private static void readCompanies(CrmExport export, ImportFile file, HashSet<String> owners) {
		var cells = new ExportCells("companies", export.row).warning(export::warn);
		var found = new String[7];
		export.stream(cells, file, List.of(), "imp_account", ImportStaging.ACCOUNT_COLUMNS, in -> {
			found[0] = column(in, export, "companies", "Record ID", "hs_object_id", "Company ID");
			found[1] = column(in, export, "companies", "Company name", "name");
			found[2] = column(in, export, "companies", "Create Date", "createdate");
			found[3] = column(in, export, "companies", "Owner email", "Company owner", "hubspot_owner_email");
			found[4] = optional(in, "Company Domain Name", "domain", "Website URL", "website");
			found[5] = optional(in, "Industry");
			found[6] = optional(in, "Country/Region", "Country", "country");
			if (found[0] == null || found[1] == null || found[2] == null || found[3] == null) {
				return false;
			}
			var columns = export.accountColumns;
			export.accountColumns = new CrmExport.Columns(columns.accountId(), columns.stage(), columns.amount(),
					columns.currency(), columns.closeDate(), in.written(found[3]), in.written(found[2]),
					found[4] == null ? columns.website() : in.written(found[4]), columns.historyDeal(),
					columns.historyStage(), columns.historyDate());
			return export.idColumn("companies", in.written(found[0]));
		}, (row, copy) -> {
			var domain = found[4];
			var industry = found[5];
			var website = domain == null ? "" : row.get(domain);
			var ownerValue = user(export, cells, row, found[3], owners);
			export.account(new CrmExport.Account(cells.where(row), cells.id(row, found[0]),
					cells.requiredProse(row, found[1], ExportCells.NAME),
					website.isBlank() ? null : SourceValues.domain(website),
					domain == null ? null : cells.text(row, domain, ExportCells.LINE),
					industry == null ? null : cells.prose(row, industry, ExportCells.INDUSTRY), ownerValue,
					cells.requiredMoment(row, found[2], export.zone), false, null,
					found[6] == null ? null : cells.value(row, found[6], SourceValues.country(row.get(found[6])))),
					copy);
		});
	}

	private static void readDeals(CrmExport export, ImportFile file, HashSet<String> owners) {
		var cells = new ExportCells("deals", export.row).warning(export::warn);
		var found = new String[11];
		export.stream(cells, file, List.of(), "imp_deal", ImportStaging.DEAL_COLUMNS, in -> {
			found[0] = column(in, export, "deals", "Record ID", "hs_object_id", "Deal ID");
			found[1] = column(in, export, "deals", "Deal Name", "dealname");
			found[2] = column(in, export, "deals", "Deal Stage", "dealstage");
			found[3] = column(in, export, "deals", "Create Date", "createdate");
			found[4] = column(in, export, "deals", "Close Date", "closedate");
			found[5] = column(in, export, "deals", "Owner email", "Deal owner", "hubspot_owner_email");
			found[6] = column(in, export, "deals", "Associated Company IDs", "Associated Company ID",
					"associatedcompanyids");
			found[7] = optional(in, "Amount", "amount");
			found[8] = optional(in, "Currency", "deal_currency_code");
			found[9] = optional(in, "Is Closed Won", "hs_is_closed_won");
			found[10] = optional(in, "Is closed", "hs_is_closed");
			for (int i = 0; i < 7; i++) {
				if (found[i] == null) {
					return false;
				}
			}
			export.columns = new CrmExport.Columns(in.written(found[6]), in.written(found[2]),
					found[7] == null ? COLUMNS.amount() : in.written(found[7]),
					found[8] == null ? COLUMNS.currency() : in.written(found[8]), in.written(found[4]),
					in.written(found[5]), in.written(found[3]), export.accountColumns.website(), in.written(found[0]),
					in.written(found[2]), COLUMNS.historyDate());
			return export.idColumn("deals", in.written(found[0]));
		}, (row, copy) -> {
			var amount = found[7];
			var currency = found[8];
			var won = found[9];
			var closed = found[10];
			var companies = row.get(found[6]).split("[;,]");
			var currencyText = currency == null ? "" : row.get(currency);
			var wonFlag = won == null ? null : cells.value(row, won, SourceValues.flag(row.get(won)));
			var closedFlag = closed == null ? null : cells.value(row, closed, SourceValues.flag(row.get(closed)));
			export.deal(new CrmExport.Deal(cells.where(row), cells.id(row, found[0]), companies[0].strip(),
					cells.requiredProse(row, found[1], ExportCells.NAME), cells.required(row, found[2]),
					amount == null ? null : cells.value(row, amount, SourceValues.amount(row.get(amount))),
					currencyText.isBlank() ? null : cells.value(row, currency, SourceValues.currency(currencyText)),
					day(cells, row, found[4], export.zone), user(export, cells, row, found[5], owners),
					cells.requiredMoment(row, found[3], export.zone), closedFlag, wonFlag), copy);
		});
		if (found[6] == null) {
			return;
		}
		var history = new ExportCells("deals", export.row);
		export.stream(history, file, List.of(), "imp_history", ImportStaging.HISTORY_COLUMNS, in -> true, false,
				(row, copy) -> {
					var dealId = CrmExport.blankToNull(row.get(found[0]));
					for (var column : row.values().keySet()) {
						var entered = DATE_ENTERED.matcher(column);
						if (entered.matches() && !row.get(column).isBlank()) {
							var stageName = entered.group(1) != null ? entered.group(1) : entered.group(2);
							export.row.clear();
							export.history(new CrmExport.History(history.where(row), dealId, stageName,
									history.value(row, column, SourceValues.moment(row.get(column), export.zone))),
									copy);
						}
					}
				});
	}

	/**
	 * A close date as a day or a moment (HubSpot writes either), as the day in the zone.
	 */
	private static LocalDate day(ExportCells cells, CsvImport.Row row, String column, ZoneId zone) {
		var text = row.get(column).strip();
		if (text.length() <= 10) {
			return cells.value(row, column, SourceValues.day(text));
		}
		var moment = cells.value(row, column, SourceValues.moment(text, zone));
		return moment == null ? null : moment.atZone(zone).toLocalDate();
	}

	/** The owner named in a row, added once to the export's users by e-mail. */
	private static String user(CrmExport export, ExportCells cells, CsvImport.Row row, String column,
			HashSet<String> owners) {
		var value = cells.required(row, column);
		if (value != null && owners.add(value.toLowerCase(Locale.ROOT))) {
			export.owners.add(new CrmExport.User(cells.where(row), value, value, value, null));
		}
		return value;
	}

	private static String column(CsvStream file, CrmExport export, String name, String... candidates) {
		var found = optional(file, candidates);
		if (found == null) {
			export.errors.add(new FieldError(name + " header",
					"missing column " + String.join(" (or ", candidates) + ")".repeat(candidates.length - 1)));
		}
		return found;
	}

	private static String optional(CsvStream file, String... candidates) {
		var names = new ArrayList<String>();
		for (var candidate : candidates) {
			names.add(candidate.toLowerCase(Locale.ROOT));
		}
		return names.stream().filter(file.header()::contains).findFirst().orElse(null);
	}

}
