package com.trellis.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the Trellis CSV formats (docs/import.md): partners, deals and accounts (program
 * admins), partner contacts, activity events, enablement completions, marketplace
 * transactions and account plans (admins, and PAMs for the partners of their book). The
 * role is checked before the file is read. A dry run (the default) plans every row and
 * reports every bad one; a real run is one transaction that writes all rows or, when any
 * row is bad, nothing (400 naming each row and column). Re-importing a file changes
 * nothing: rows are matched by {@code id}, {@code source_id} or, for contacts, e-mail
 * and, for completions, user, item and day (marketplace transactions by the marketplace's
 * {@code source_id} alone; account plans by {@code plan_id} or {@code plan_source_id},
 * their actions by {@code action_id} or text).
 */
@Service
public class TrellisFormats {

	/** The formats, with the columns each requires. */
	public enum Format {

		PARTNERS(PartnerRows.REQUIRED, List.of("id|source_id", "owner_pam_id|pam_email"),
				"web_domain, verticals, capabilities, onboarded_on, lifecycle_status, tier"),
		CONTACTS(ContactRows.REQUIRED, List.of("partner_id|partner_source_id"), "job_role, state"),
		ACTIVITY(ActivityRows.REQUIRED, List.of("id|source_id", "partner_id|partner_source_id"), "user_email, detail"),
		COMPLETIONS(CompletionRows.REQUIRED, List.of("email|user_id"), "id, source_id"),
		DEALS(DealRows.REQUIRED, List.of("id|source_id", "account_id|account_domain|account", "owner_id|owner_email"),
				"close_date, source, partner_id, partner_source_id, credit_type, partner_share, created_at, stage_history"),
		ACCOUNTS(AccountRows.REQUIRED, List.of("id|source_id", "owner_ae_id|owner_email"),
				"web_domain, industry, employee_band, country"),
		MARKETPLACE(MarketplaceRows.REQUIRED, List.of("partner_id|partner_source_id"), ""),
		// the plans export's columns: names, status, outcome, who closed and who marked
		// done are read by people and never applied
		PLANS(PlanRows.REQUIRED, List.of("plan_id|plan_source_id", "partner_id|partner_source_id"),
				"partner, account, status, outcome, outcome_note, closed_by, closed_at, our_owner, partner_contact, "
						+ "action_id, action, side, due_on, action_status, done_by, done_at");

		private final List<String> required;

		private final List<List<String>> oneOf;

		private final List<String> columns;

		Format(List<String> required, List<String> oneOf, String optional) {
			this.required = required;
			this.oneOf = oneOf.stream().map(group -> List.of(group.split("\\|"))).toList();
			var all = new java.util.LinkedHashSet<String>();
			this.oneOf.forEach(all::addAll);
			all.addAll(required);
			all.addAll(optional.isEmpty() ? List.of() : List.of(optional.split(", ")));
			this.columns = List.copyOf(all);
		}

		/**
		 * Every column a file of the format may have: its keys, the required columns and
		 * the optional ones (the columns its export writes among them). A file with any
		 * other column is refused before a row is read: a typo's values would be lost.
		 */
		public List<String> columns() {
			return this.columns;
		}

		/**
		 * The groups of columns of which a row must fill one each (a record's own id or
		 * the other system's, a partner's, an owner's for a new record), as the rows'
		 * errors name them ("or source_id is required").
		 */
		public List<List<String>> oneOf() {
			return this.oneOf;
		}

		/** Whether only a program admin imports the format (PAMs import the others). */
		boolean adminsOnly() {
			return this == PARTNERS || this == DEALS || this == ACCOUNTS;
		}

		/** The columns a file of the format must have (the others keep their values). */
		public List<String> required() {
			return this.required;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Format of(String code) {
			for (var format : values()) {
				if (format.code().equalsIgnoreCase(code)) {
					return format;
				}
			}
			throw InvalidInputException.of("format",
					"must be one of partners, contacts, activity, completions, deals, accounts, marketplace, plans");
		}

	}

	static final int MAX_ERRORS = 1_000;

	private final PartnerRows partners;

	private final ContactRows contacts;

	private final ActivityRows activity;

	private final CompletionRows completions;

	private final DealRows deals;

	private final AccountRows accounts;

	private final MarketplaceRows marketplace;

	private final PlanRows plans;

	private final FormatRecords records;

	private final AuditLog audit;

	TrellisFormats(PartnerRows partners, ContactRows contacts, ActivityRows activity, CompletionRows completions,
			DealRows deals, AccountRows accounts, MarketplaceRows marketplace, PlanRows plans, FormatRecords records,
			AuditLog audit) {
		this.plans = plans;
		this.marketplace = marketplace;
		this.deals = deals;
		this.accounts = accounts;
		this.completions = completions;
		this.partners = partners;
		this.contacts = contacts;
		this.activity = activity;
		this.records = records;
		this.audit = audit;
	}

	/** Whether the viewer may import the format at all (before anything is read). */
	public static boolean mayImport(Viewer viewer, Format format) {
		return format.adminsOnly() ? viewer.is(Role.ADMIN) : viewer.is(Role.ADMIN, Role.PAM);
	}

	@Transactional
	public FormatReport run(Viewer viewer, Format format, String csv, boolean dryRun) {
		if (!mayImport(viewer, format)) {
			throw new AccessDeniedException(format.adminsOnly() ? "Only a program admin imports " + format.code()
					: "Only a program admin or a PAM imports " + format.code());
		}
		if (!dryRun) {
			this.records.lock(format.name());
		}
		// a column the format does not know is refused before any row is read, in the
		// dry run too (a typo's values would be lost unseen)
		var file = CsvImport.read(csv, format.required, format.columns,
				"the " + format.code() + " format's columns are");
		var plan = new FormatPlan();
		// a NUL character is refused before any cell is looked up (the database takes
		// none), naming each row and column that has one
		plan.errors.addAll(nulCells(file));
		if (!plan.errors.isEmpty()) {
			plan.rows = file.rows().size();
		}
		else {
			switch (format) {
				case PARTNERS -> this.partners.plan(viewer.actor(), file, plan);
				case CONTACTS -> this.contacts.plan(viewer, file, plan);
				case ACTIVITY -> this.activity.plan(viewer, file, plan);
				case COMPLETIONS -> this.completions.plan(viewer, file, plan);
				case DEALS -> this.deals.plan(viewer, file, plan);
				case ACCOUNTS -> this.accounts.plan(viewer.actor(), file, plan);
				case MARKETPLACE -> this.marketplace.plan(viewer, file, plan);
				case PLANS -> this.plans.plan(viewer, file, plan);
			}
		}
		var report = plan.report(format.code(), dryRun, MAX_ERRORS);
		if (dryRun) {
			return report;
		}
		if (!plan.errors.isEmpty()) {
			throw new InvalidInputException(refusal(plan.errors));
		}
		// history brought in, not news: no webhook announces what these rows change
		com.trellis.shared.ImportScope.mark();
		plan.write();
		if (report.created() + report.updated() > 0) {
			this.audit.record(viewer.actor(), "import", format.code(),
					"imported the Trellis " + format.code() + " format", null, Map.of("rows", report.rows(), "created",
							report.created(), "updated", report.updated(), "unchanged", report.unchanged()));
		}
		return report;
	}

	private static List<FieldError> nulCells(CsvImport file) {
		var errors = new java.util.ArrayList<FieldError>();
		for (var row : file.rows()) {
			for (var column : file.header()) {
				if (row.get(column).indexOf('\u0000') >= 0) {
					errors.add(row.error(file.written(column), "must not contain a NUL character"));
				}
			}
		}
		return errors;
	}

	private static List<FieldError> refusal(List<FieldError> errors) {
		if (errors.size() <= MAX_ERRORS) {
			return errors;
		}
		var shown = new java.util.ArrayList<>(errors.subList(0, MAX_ERRORS));
		shown.add(new FieldError("file", (errors.size() - MAX_ERRORS) + " more errors not listed"));
		return shown;
	}

}
