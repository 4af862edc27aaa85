package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.deals.CreditType;
import com.trellis.deals.ImportedDeal;
import com.trellis.shared.MinorUnits;

/**
 * The rows an import plans to write: partners, accounts and deals with their stage moves
 * and partner credit, each as the values its digest ({@link CrmImport#fingerprint}) is
 * taken of. The plan itself is made over the staging tables ({@link StagedPlan}); these
 * are the rows it hands the writer a page at a time. The rules for gaps are in
 * docs/import.md.
 */
final class ImportPlan {

	private ImportPlan() {
	}

	record AccountRow(String sourceId, String name, String domain, String industry, String ownerEmail,
			Instant createdAt) {
	}

	/** An account with the country its export gives (ISO 3166-1 alpha-2). */
	record LocatedAccountRow(AccountRow account, String country) {
	}

	/**
	 * What an account's digest is taken of: the row, and its country when the export
	 * gives one (so accounts imported before countries were read keep their digest).
	 */
	static Record located(AccountRow account, String country) {
		return country == null ? account : new LocatedAccountRow(account, country);
	}

	record DealRow(String sourceId, String accountSourceId, String name, BigDecimal amount, String currency,
			LocalDate closeDate, String ownerEmail, Instant createdAt, List<ImportedDeal.Move> moves,
			boolean amountUnknown, String partnerSourceId, CreditType credit) {

		DealRow {
			amount = MinorUnits.round(amount, currency);
		}

		/**
		 * The text of a row's values up to its moves
		 * ({@code DealRow[sourceId=…, moves=}): the staging keeps it and the plan adds
		 * the moves, partner and credit in SQL, so the digest is the one of the whole
		 * row.
		 */
		static String digestPrefix(DealRow row) {
			var text = row.toString();
			var moves = ", moves=[]";
			return text.substring(0, text.lastIndexOf(moves) + ", moves=".length());
		}

	}

	/** An {@code IsPartner} account: becomes a Trellis partner. */
	record PartnerRow(String sourceId, String name, String domain, String type, String country, String ownerEmail,
			Instant createdAt) {
	}

}
