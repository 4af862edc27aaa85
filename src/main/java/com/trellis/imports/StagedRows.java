package com.trellis.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.PgCopy;

/**
 * Each kind of export row judged on its own and copied into its staging table, for
 * {@link CrmExport}: the value rules, the owner, the stage used and, for a deal, an
 * account named and a currency with a rate (the amount rounded to the currency's minor
 * units); the row's errors staged with it, each naming where it came from and its column.
 * Rows are numbered in the order read ({@code ord}) across the export's files. Split from
 * {@link CrmExport}.
 */
final class StagedRows {

	private final CrmExport export;

	private final CrmExport.Context context;

	private long ord;

	StagedRows(CrmExport export, CrmExport.Context context) {
		this.export = export;
		this.context = context;
	}

	/** Judges an account row on its own and copies it. */
	void account(CrmExport.Account a, PgCopy copy) {
		this.context.rules().account(a, this.export.accountColumns, this.export.row);
		var owner = this.export.owners.of(a.ownerId(), a.where(), this.export.accountColumns.ownerId(),
				this.export.row);
		String warning = null;
		if (!a.partner() && a.website() != null && !a.website().isBlank() && a.domain() == null) {
			warning = a.where() + this.export.accountColumns.website() + " '" + a.website()
					+ "' is not a web domain; imported without one";
		}
		String fingerprint = null;
		if (a.id() != null && a.name() != null && a.createdAt() != null && owner != null) {
			fingerprint = CrmImport.fingerprint(a.partner()
					? new ImportPlan.PartnerRow(a.id(), a.name(), a.domain(), a.type(), a.country(), owner.email(),
							a.createdAt())
					: ImportPlan.located(new ImportPlan.AccountRow(a.id(), a.name(), a.domain(), a.industry(),
							owner.email(), a.createdAt()), a.country()));
		}
		copy.row(this.ord++, a.where(), a.id(), a.name(), a.domain(), a.industry(),
				owner == null ? null : owner.email(), a.createdAt(), a.partner(), a.type(), a.country(), fingerprint,
				ImportStaging.json(this.export.rowErrors()), warning);
	}

	/**
	 * Judges a deal row on its own (values, account named, currency with a rate, owner)
	 * and copies it with the part of its digest its own cells make.
	 */
	void deal(CrmExport.Deal d, PgCopy copy) {
		var where = d.where();
		this.context.rules().deal(d, this.export.columns, this.context.defaultCurrency(), this.export.row);
		boolean amountRefused = this.export.refused(where + this.export.columns.amount());
		if (d.accountId().isBlank()) {
			this.export.row.add(new FieldError(where + this.export.columns.accountId(),
					"missing account: the deal names no account"));
		}
		var currency = d.currency() != null ? d.currency() : this.context.defaultCurrency();
		boolean rated = this.context.currencyKnown().apply(currency);
		if (!rated) {
			this.export.row.add(new FieldError(where + this.export.columns.currency(),
					"no exchange rate for " + currency + "; add the rate before importing deals in it"));
		}
		var owner = this.export.owners.of(d.ownerId(), where, this.export.columns.ownerId(), this.export.row);
		if (d.stage() != null) {
			this.export.stages.use(d.stage(), d.closed(), d.won());
		}
		boolean amountUnknown = d.amount() == null;
		var amount = amountUnknown ? BigDecimal.ZERO : d.amount();
		if (rated) {
			amount = MinorUnits.round(amount, currency);
		}
		String prefix = null;
		if (d.id() != null && d.name() != null && owner != null && d.createdAt() != null && rated) {
			prefix = ImportPlan.DealRow
				.digestPrefix(new ImportPlan.DealRow(d.id(), d.accountId().strip(), d.name(), amount, currency,
						d.closeDate(), owner.email(), d.createdAt(), List.of(), amountUnknown, null, null));
		}
		copy.row(this.ord++, where, d.id(), d.accountId(), d.name(), d.stage(), CrmExport.key(d.stage()), d.closed(),
				d.won(), amount, amountUnknown, amountRefused, currency, d.closeDate(),
				owner == null ? null : owner.email(), d.createdAt(), prefix,
				ImportStaging.json(this.export.rowErrors()));
	}

	/** Judges a stage change on its own and copies it. */
	void history(CrmExport.History h, PgCopy copy) {
		this.context.rules().history(h, this.export.columns, this.export.row);
		if (h.stage() != null) {
			this.export.stages.use(h.stage(), null, null);
		}
		copy.row(this.ord++, h.where(), h.opportunityId(), h.stage(), CrmExport.key(h.stage()), h.at(),
				ImportStaging.json(this.export.rowErrors()));
	}

	/** Copies a partner row of a file ({@code OpportunityPartner} or {@code Partner}). */
	void link(String file, String linkId, CrmExport.PartnerLink l, PgCopy copy) {
		var shown = l.role() == null ? PartnerCredits.NONE : l.role().strip();
		copy.row(this.ord++, file, l.where(), linkId, l.opportunityId(), l.partnerAccountId(), shown,
				shown.toLowerCase(Locale.ROOT), l.primary(), ImportStaging.json(this.export.rowErrors()));
	}

}
