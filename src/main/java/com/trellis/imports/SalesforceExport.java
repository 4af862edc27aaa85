package com.trellis.imports;

import java.util.List;
import java.util.Objects;

/**
 * Reads a Salesforce data export (API field names as headers) into a run's staging
 * tables, file by file, row by row: the User file first (its owners are matched as the
 * other files name them), then Account, Opportunity, OpportunityHistory and the partner
 * files.
 */
final class SalesforceExport {

	private SalesforceExport() {
	}

	/** The export's files; a file may be null when not uploaded. */
	record Files(ImportFile account, ImportFile user, ImportFile opportunity, ImportFile opportunityHistory,
			ImportFile opportunityPartner, ImportFile partner) implements CrmExport.Source {

		@Override
		public void read(CrmExport export) {
			readUsers(export, user());
			readAccounts(export, account());
			readDeals(export, opportunity());
			readHistory(export, opportunityHistory());
			readPartnerLinks(export, "OpportunityPartner", opportunityPartner());
			readPartnerLinks(export, "Partner", partner());
		}

	}

	/** The users (owners) are few: read into the owner match, their errors kept. */
	private static void readUsers(CrmExport export, ImportFile file) {
		var cells = new ExportCells("User", export.errors).warning(export::warn).telling(export.reading());
		cells.rows(file, List.of("Id", "Email"), row -> {
			var name = !row.get("Name").isBlank() ? cells.prose(row, "Name", ExportCells.USER_NAME)
					: (Objects.toString(cells.prose(row, "FirstName", ExportCells.USER_NAME), "") + " "
							+ Objects.toString(cells.prose(row, "LastName", ExportCells.USER_NAME), ""))
						.strip();
			export.owners.add(new CrmExport.User(cells.where(row), cells.id(row), cells.required(row, "Email"), name,
					cells.value(row, "IsActive", SourceValues.flag(row.get("IsActive")))));
		});
	}

	private static void readAccounts(CrmExport export, ImportFile file) {
		var cells = new ExportCells("Account", export.row).warning(export::warn);
		export.stream(cells, file, List.of("Id", "Name", "OwnerId", "CreatedDate"), "imp_account",
				ImportStaging.ACCOUNT_COLUMNS, in -> export.idColumn("Account", in.written("Id")), (row, copy) -> {
					var website = row.get("Website");
					boolean partner = Boolean.TRUE
						.equals(cells.value(row, "IsPartner", SourceValues.flag(row.get("IsPartner"))));
					// a partner's billing country is its region (text); a customer's is
					// the account's country, an ISO code
					var country = partner ? cells.text(row, "BillingCountry", ExportCells.LINE)
							: cells.value(row, "BillingCountry", SourceValues.country(row.get("BillingCountry")));
					export.account(new CrmExport.Account(cells.where(row), cells.id(row),
							cells.requiredProse(row, "Name", ExportCells.NAME),
							website.isBlank() ? null : SourceValues.domain(website),
							cells.text(row, "Website", ExportCells.LINE),
							cells.prose(row, "Industry", ExportCells.INDUSTRY), cells.required(row, "OwnerId"),
							cells.requiredMoment(row, "CreatedDate", export.zone), partner,
							cells.text(row, "Type", ExportCells.LINE), country), copy);
				});
	}

	private static void readDeals(CrmExport export, ImportFile file) {
		var cells = new ExportCells("Opportunity", export.row).warning(export::warn);
		export.stream(cells, file,
				List.of("Id", "AccountId", "Name", "StageName", "CloseDate", "OwnerId", "CreatedDate"), "imp_deal",
				ImportStaging.DEAL_COLUMNS, in -> export.idColumn("Opportunity", in.written("Id")), (row, copy) -> {
					var currency = row.get("CurrencyIsoCode");
					export.deal(new CrmExport.Deal(cells.where(row), cells.id(row), row.get("AccountId"),
							cells.requiredProse(row, "Name", ExportCells.NAME), cells.required(row, "StageName"),
							cells.value(row, "Amount", SourceValues.amount(row.get("Amount"))),
							currency.isBlank() ? null
									: cells.value(row, "CurrencyIsoCode", SourceValues.currency(currency)),
							cells.value(row, "CloseDate", SourceValues.day(row.get("CloseDate"))),
							cells.required(row, "OwnerId"), cells.requiredMoment(row, "CreatedDate", export.zone),
							cells.value(row, "IsClosed", SourceValues.flag(row.get("IsClosed"))),
							cells.value(row, "IsWon", SourceValues.flag(row.get("IsWon")))), copy);
				});
	}

	private static void readHistory(CrmExport export, ImportFile file) {
		var cells = new ExportCells("OpportunityHistory", export.row);
		export.stream(cells, file, List.of("OpportunityId", "StageName", "CreatedDate"), "imp_history",
				ImportStaging.HISTORY_COLUMNS, in -> true, (row,
						copy) -> export.history(new CrmExport.History(cells.where(row),
								cells.required(row, "OpportunityId"), cells.required(row, "StageName"),
								cells.requiredMoment(row, "CreatedDate", export.zone)), copy));
	}

	/**
	 * {@code OpportunityPartner} (OpportunityId, AccountToId, Role, IsPrimary) or
	 * {@code Partner} (the same, OpportunityId blank when it links two accounts).
	 */
	private static void readPartnerLinks(CrmExport export, String name, ImportFile file) {
		var cells = new ExportCells(name, export.row);
		var required = "Partner".equals(name) ? List.of("AccountToId") : List.of("OpportunityId", "AccountToId");
		export.stream(cells, file, required, "imp_link", ImportStaging.LINK_COLUMNS,
				in -> export.idColumn(name, in.written("Id")), (row, copy) -> {
					var linkId = row.get("Id").isBlank() ? null : cells.id(row);
					var opportunity = "Partner".equals(name) ? CrmExport.blankToNull(row.get("OpportunityId"))
							: cells.required(row, "OpportunityId");
					export.link(name, linkId,
							new CrmExport.PartnerLink(cells.where(row), opportunity, cells.required(row, "AccountToId"),
									CrmExport.blankToNull(row.get("Role")),
									Boolean.TRUE.equals(
											cells.value(row, "IsPrimary", SourceValues.flag(row.get("IsPrimary"))))),
							copy);
				});
	}

}
