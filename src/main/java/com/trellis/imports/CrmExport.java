package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.trellis.shared.CsvImport;
import com.trellis.shared.CsvStream;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.PgCopy;

/**
 * The rows of a CRM export in one shape whatever the source, read streaming: each row's
 * cells are read and judged on their own (the value rules, the owner, the currency's
 * rate), and the row is copied at once into the run's staging table
 * ({@link ImportStaging}) with the errors of its cells, each naming where it came from
 * ({@code Opportunity row 7: }) and its column. Nothing of a row stays in memory after it
 * is copied: the rules that need other rows (repeated ids, references, history order) run
 * over the staging tables ({@link StagedChecks}). What is held is bounded by the source's
 * owners, stages and currencies, not by its rows. {@link SalesforceExport} and
 * {@link HubspotExport} read the files.
 */
final class CrmExport {

	/** The names of the deal files' columns. */
	Columns columns;

	/** The names of the account file's columns (owner, creation, website). */
	Columns accountColumns;

	/** Errors that name no staged row: a file's header, the User file, the mapping. */
	final List<FieldError> errors = new ArrayList<>();

	/** The written name of each staged file's id column, for repeated ids. */
	final java.util.Map<String, String> idColumns = new java.util.LinkedHashMap<>();

	/** The warnings of the files' rows (folded line breaks), the first hundred. */
	final List<String> warnings = new ArrayList<>();

	/** The warnings beyond the first hundred, counted. */
	private long moreWarnings;

	final ZoneId zone;

	final OwnerMatch owners;

	final StageMap stages;

	final ImportProgress progress;

	private final Context context;

	/** The errors of the row being read. */
	final List<FieldError> row = new ArrayList<>();

	/** Whether the row being read has not as many values as its header has columns. */
	private boolean misfit;

	private long ord;

	/** The rows read from the files (a second pass over a file not counted again). */
	private long rowsRead;

	/** What a run gives its reader: where rows go and the rules judging each row. */
	record Context(ImportStaging staging, ImportValueRules rules, String defaultCurrency,
			Function<String, Boolean> currencyKnown, HeldRows held) {
	}

	CrmExport(Columns columns, ZoneId zone, OwnerMatch owners, StageMap stages, Context context,
			ImportProgress progress) {
		this.columns = columns;
		this.accountColumns = columns;
		this.zone = zone;
		this.owners = owners;
		this.stages = stages;
		this.context = context;
		this.progress = progress;
	}

	/** Keeps a row's warning (the first hundred; the rest counted). */
	/**
	 * The faults staged with the row being read: a row whose values do not fit its header
	 * keeps that fault alone (its empty or shifted cells are a consequence, "missing
	 * Name" beside "7 values where the header has 9 columns" would name one fault twice).
	 */
	List<FieldError> rowErrors() {
		return this.misfit ? this.row.stream().filter(e -> e.field().endsWith(": columns")).toList() : this.row;
	}

	void warn(String text) {
		if (this.warnings.size() < 100) {
			this.warnings.add(text);
		}
		else {
			this.moreWarnings++;
		}
	}

	/** The warnings kept, and a line counting those beyond them. */
	List<String> warnings() {
		var all = new ArrayList<>(this.warnings);
		if (this.moreWarnings > 0) {
			all.add("and " + this.moreWarnings + " more line breaks folded to a space");
		}
		return all;
	}

	/** The run's business day (the injected clock in the program's time zone). */
	java.time.LocalDate today() {
		return this.context.rules().today();
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

	/** Reads a source's files into a run's staging tables. */
	@FunctionalInterface
	interface Source {

		void read(CrmExport export);

	}

	/** What to do with each row of a file, copying it with {@code copy}. */
	@FunctionalInterface
	interface RowReader {

		void read(CsvImport.Row row, PgCopy copy);

	}

	/**
	 * Streams one file into a staging table: each row to {@code each} with this row's
	 * errors emptied first; a file that cannot be read adds its error (named with the
	 * file), the rows read before it staying staged.
	 */
	void stream(ExportCells cells, ImportFile file, List<String> required, String table, List<String> columns,
			java.util.function.Predicate<CsvStream> header, RowReader each) {
		stream(cells, file, required, table, columns, header, true, each);
	}

	/**
	 * As {@link #stream}; {@code header} says whether the rows are to be read (the file's
	 * columns are there), {@code counted} whether its rows count as read (a second pass
	 * over a file does not).
	 */
	void stream(ExportCells cells, ImportFile file, List<String> required, String table, List<String> columns,
			java.util.function.Predicate<CsvStream> header, boolean counted, RowReader each) {
		if (file == null) {
			return;
		}
		var copy = this.context.staging().copy(table, columns);
		try {
			try (var in = CsvStream.open(file.open(), required)) {
				cells.streaming(in);
				if (!header.test(in)) {
					copy.finish();
					return;
				}
				in.forEach(r -> {
					if (counted) {
						this.rowsRead++;
						this.progress.read();
					}
					this.row.clear();
					this.misfit = !cells.complete(r);
					this.context.held().hold(1);
					each.read(r, copy);
					this.context.held().release(1);
				});
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(e -> this.errors.add(new FieldError(cells.name() + " " + e.field(), e.message())));
			}
			copy.finish();
		}
		finally {
			copy.close();
		}
	}

	/**
	 * The progress a file read outside {@link #stream} tells (the User file), its rows
	 * counted as read so that the rows validated reach the rows read.
	 */
	ImportProgress reading() {
		return new ImportProgress() {
			@Override
			public void read() {
				CrmExport.this.rowsRead++;
				CrmExport.this.progress.read();
			}
		};
	}

	/** The rows read from the export's files: what the run validates. */
	long rowsRead() {
		return this.rowsRead;
	}

	/** Keeps the written name of a file's id column; the rows are read. */
	boolean idColumn(String file, String written) {
		this.idColumns.put(file, written);
		return true;
	}

	/** Judges an account row on its own and copies it. */
	void account(Account a, PgCopy copy) {
		this.context.rules().account(a, this.accountColumns, this.row);
		var owner = this.owners.of(a.ownerId(), a.where(), this.accountColumns.ownerId(), this.row);
		String warning = null;
		if (!a.partner() && a.website() != null && !a.website().isBlank() && a.domain() == null) {
			warning = a.where() + this.accountColumns.website() + " '" + a.website()
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
				ImportStaging.json(rowErrors()), warning);
	}

	/**
	 * Judges a deal row on its own (values, account named, currency with a rate, owner)
	 * and copies it with the part of its digest its own cells make.
	 */
	void deal(Deal d, PgCopy copy) {
		var where = d.where();
		this.context.rules().deal(d, this.columns, this.context.defaultCurrency(), this.row);
		boolean amountRefused = refused(where + this.columns.amount());
		if (d.accountId().isBlank()) {
			this.row
				.add(new FieldError(where + this.columns.accountId(), "missing account: the deal names no account"));
		}
		var currency = d.currency() != null ? d.currency() : this.context.defaultCurrency();
		boolean rated = this.context.currencyKnown().apply(currency);
		if (!rated) {
			this.row.add(new FieldError(where + this.columns.currency(),
					"no exchange rate for " + currency + "; add the rate before importing deals in it"));
		}
		var owner = this.owners.of(d.ownerId(), where, this.columns.ownerId(), this.row);
		if (d.stage() != null) {
			this.stages.use(d.stage(), d.closed(), d.won());
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
		copy.row(this.ord++, where, d.id(), d.accountId(), d.name(), d.stage(), key(d.stage()), d.closed(), d.won(),
				amount, amountUnknown, amountRefused, currency, d.closeDate(), owner == null ? null : owner.email(),
				d.createdAt(), prefix, ImportStaging.json(rowErrors()));
	}

	/** Judges a stage change on its own and copies it. */
	void history(History h, PgCopy copy) {
		this.context.rules().history(h, this.columns, this.row);
		if (h.stage() != null) {
			this.stages.use(h.stage(), null, null);
		}
		copy.row(this.ord++, h.where(), h.opportunityId(), h.stage(), key(h.stage()), h.at(),
				ImportStaging.json(rowErrors()));
	}

	/** Copies a partner row of a file ({@code OpportunityPartner} or {@code Partner}). */
	void link(String file, String linkId, PartnerLink l, PgCopy copy) {
		var shown = l.role() == null ? PartnerCredits.NONE : l.role().strip();
		copy.row(this.ord++, file, l.where(), linkId, l.opportunityId(), l.partnerAccountId(), shown,
				shown.toLowerCase(Locale.ROOT), l.primary(), ImportStaging.json(rowErrors()));
	}

	/** Whether a cell (row and column, any case) of the row being read was refused. */
	boolean refused(String field) {
		return this.row.stream().anyMatch(e -> e.field().equalsIgnoreCase(field));
	}

	static String key(String stage) {
		return stage == null ? null : stage.strip().toLowerCase(Locale.ROOT);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
