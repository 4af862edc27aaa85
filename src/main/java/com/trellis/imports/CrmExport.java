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

	/** Judges and copies each row. */
	private final StagedRows staged;

	/** The errors of the row being read. */
	final List<FieldError> row = new ArrayList<>();

	/** Whether the row being read has not as many values as its header has columns. */
	private boolean misfit;

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
		this.staged = new StagedRows(this, context);
	}

	/**
	 * The faults staged with the row being read: a row whose values do not fit its header
	 * keeps that fault alone (its empty or shifted cells are a consequence, "missing
	 * Name" beside "7 values where the header has 9 columns" would name one fault twice).
	 */
	List<FieldError> rowErrors() {
		return this.misfit ? this.row.stream().filter(e -> e.field().endsWith(": columns")).toList() : this.row;
	}

	/** Keeps a row's warning (the first hundred; the rest counted). */
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

	/** Judges an account row on its own and copies it ({@link StagedRows#account}). */
	void account(Account a, PgCopy copy) {
		this.staged.account(a, copy);
	}

	/** Judges a deal row on its own and copies it ({@link StagedRows#deal}). */
	void deal(Deal d, PgCopy copy) {
		this.staged.deal(d, copy);
	}

	/** Judges a stage change on its own and copies it. */
	void history(History h, PgCopy copy) {
		this.staged.history(h, copy);
	}

	/** Copies a partner row of a file ({@code OpportunityPartner} or {@code Partner}). */
	void link(String file, String linkId, PartnerLink l, PgCopy copy) {
		this.staged.link(file, linkId, l, copy);
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
