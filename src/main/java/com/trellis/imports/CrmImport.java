package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;

import com.trellis.deals.DealImport;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ExchangeRates;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.ValueLimits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CRM export: a Salesforce data export (Account, User, Opportunity,
 * OpportunityHistory, partner files) or HubSpot's companies and deals, through staging
 * tables so that memory stays flat whatever the files' size. Everything is validated
 * first; a dry run reports the bad rows, the mapping and the counts and writes nothing; a
 * real run with any bad row is refused naming them all and writes nothing; otherwise all
 * rows are written in one transaction through the accounts and deals modules' import
 * ports. Rows carry their source id, so importing the same export again writes nothing
 * and a later export updates the changed rows, keeping the owners given in Trellis since
 * while the export names the owner it named before ({@link OwnerRule}).
 */
@Service
class CrmImport {

	private static final Logger log = LoggerFactory.getLogger(CrmImport.class);

	private final Users users;

	private final DealImport deals;

	private final ImportRecords records;

	private final ImportWriter writer;

	private final BusinessCalendar calendar;

	private final ExchangeRates rates;

	private final ValueLimits limits;

	private final ImportStaging staging;

	private final StagedChecks checks;

	private final StagedPlan plans;

	private final HeldRows held;

	private final RecordOwners recordOwners;

	private final int pageSize;

	/**
	 * Look-ups made while rows are read (owners, exchange rates) run beside the run's
	 * transaction: its connection is busy copying the rows into the staging tables.
	 */
	private final TransactionTemplate aside;

	CrmImport(Users users, DealImport deals, ImportRecords records, ImportWriter writer, BusinessCalendar calendar,
			ExchangeRates rates, ValueLimits limits, ImportStaging staging, StagedChecks checks, StagedPlan plans,
			HeldRows held, RecordOwners recordOwners, @Value("${trellis.imports.page-size:5000}") int pageSize,
			PlatformTransactionManager transactions) {
		this.recordOwners = recordOwners;
		var aside = new TransactionTemplate(transactions);
		aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		aside.setReadOnly(true);
		this.aside = aside;
		this.limits = limits;
		this.users = users;
		this.deals = deals;
		this.records = records;
		this.writer = writer;
		this.calendar = calendar;
		this.rates = rates;
		this.staging = staging;
		this.checks = checks;
		this.plans = plans;
		this.held = held;
		this.pageSize = pageSize;
	}

	/**
	 * @param system SALESFORCE or HUBSPOT: the source whose ids the rows carry
	 * @param source reads the export's files into the run's staging
	 */
	@Transactional
	ImportReport run(Viewer viewer, String system, CrmExport.Source source, ImportMapping mapping, boolean dryRun) {
		return run(viewer, system, source, mapping, dryRun, ImportProgress.NONE);
	}

	/**
	 * As {@link #run}, telling {@code progress} what it does. The files are read into the
	 * run's staging tables row by row; the rules that need other rows, the plan and the
	 * counts are SQL over them; the writer reads the plan a page at a time.
	 */
	@Transactional
	ImportReport run(Viewer viewer, String system, CrmExport.Source source, ImportMapping mapping, boolean dryRun,
			ImportProgress progress) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin imports CRM exports");
		}
		if (!dryRun) {
			this.records.lock(system);
		}
		var lap = new Lap();
		this.held.reset();
		this.staging.create();
		progress.phase("READING");
		var errors = new ArrayList<FieldError>();
		if (mapping.defaultCurrency() != null) {
			var currency = SourceValues.currency(mapping.defaultCurrency());
			if (!currency.ok()) {
				errors.add(new FieldError("currency", currency.refusal()));
			}
		}
		var defaultCurrency = mapping.defaultCurrency() != null ? mapping.defaultCurrency() : ReportingCurrency.CODE;
		var owners = new OwnerMatch(mapping, this.users, errors, this.aside);
		var stages = new StageMap();
		// asked once per currency, not once per deal
		var rated = new HashMap<String, Boolean>();
		var context = new CrmExport.Context(this.staging,
				new ImportValueRules(this.limits, this.calendar.zone(), this.calendar.now()), defaultCurrency,
				c -> rated.computeIfAbsent(c,
						code -> this.aside.execute(status -> this.rates.toReporting(code).isPresent())),
				this.held);
		var export = new CrmExport("HUBSPOT".equals(system) ? HubspotExport.COLUMNS : CrmExport.Columns.SALESFORCE,
				this.calendar.zone(), owners, stages, context, progress);
		source.read(export);
		lap.log("read and staged");
		// each once, though a file read twice (HubSpot's deals) fails twice
		errors.addAll(0, export.errors.stream().distinct().toList());
		export.warnings().forEach(this.staging::warning);
		progress.phase("VALIDATING");
		this.staging.loaded();
		lap.log("indexed and analyzed");
		stages.decide(mapping, errors);
		this.plans.stages(stages);
		this.staging.rowErrors();
		this.checks.check(system, export);
		lap.log("checked");
		var credits = new PartnerCredits();
		var roles = this.plans.links(system, this.staging);
		roles.forEach(role -> credits.use(role.shown(), role.rows()));
		credits.decide(mapping, errors);
		this.plans.credits(roles, credits);
		this.plans.plan(system, this.calendar.zone(), this.calendar.now(), export.columns.closeDate());
		lap.log("planned");
		var pams = new PartnerPams(this.users, viewer, owners, mapping, errors);
		long adminHeld = this.plans.newPartnerOwners(system).stream().filter(pams::heldByAdmin).count();
		if (adminHeld > 0) {
			this.staging
				.warning(adminHeld + " partners whose owner is no active PAM are held by you until you name their PAM"
						+ " (or import with partnerPam=<user id>)");
		}
		var counts = new LinkedHashMap<String, ImportReport.Counts>();
		counts.put("users", new ImportReport.Counts(
				(int) owners.all().stream().filter(o -> "CREATE".equals(o.match())).count(), 0, 0));
		counts.put("partners", this.plans.accounts(system, true));
		counts.put("accounts", this.plans.accounts(system, false));
		counts.put("opportunities", this.plans.deals());
		knownLastMoves();
		this.plans.stagesWithoutHistory(this.calendar.now());
		counts.put("stageChanges", this.plans.moves());
		counts.put("recordOwners", this.recordOwners.judge(system, owners, export, this.staging, this.pageSize));
		lap.log("counted");
		this.staging.errors(errors);
		long errorCount = this.staging.errorCount();
		var listed = this.staging.errors(ImportReport.MAX_ERRORS);
		if (errorCount > 0 && !dryRun) {
			throw new InvalidInputException(listed(listed, errorCount));
		}
		if (errorCount == 0) {
			progress.validated(export.rowsRead());
		}
		// a re-import finding nothing new writes nothing and says so
		boolean changes = counts.values().stream().anyMatch(c -> c.create() + c.update() > 0);
		if (errorCount == 0 && !dryRun && !changes) {
			this.staging.warning("nothing to change: every row is as imported before; nothing was written");
		}
		boolean write = errorCount == 0 && !dryRun && changes;
		if (write) {
			progress.phase("APPLYING");
			this.writer.write(viewer.actor(), system, owners, pams::of, counts, progress);
			lap.log("written");
		}
		var ownerLines = owners.all()
			.stream()
			.map(o -> new ImportReport.OwnerLine(o.email(), o.name(), o.activeInSource(), o.userId(), o.match()))
			.toList();
		return new ImportReport(dryRun, write, (int) errorCount, listed, this.staging.warnings(ImportReport.MAX_ERRORS),
				counts, stages.report(), ownerLines, credits.report());
	}

	/** When each deal imported before last moved, a page of deals at a time. */
	private void knownLastMoves() {
		long after = -1;
		List<long[]> page;
		while (!(page = this.plans.knownDeals(after, this.pageSize)).isEmpty()) {
			var ids = page.stream().map(p -> p[1]).toList();
			this.plans.knownLastMoves(this.deals.lastMoves(ids), this.deals.stages(ids));
			after = page.get(page.size() - 1)[0];
		}
	}

	/** Logs how long each phase of a run took (for profiling large imports). */
	private static final class Lap {

		private long start = System.nanoTime();

		void log(String phase) {
			long now = System.nanoTime();
			log.info("CRM import: {} in {} ms", phase, (now - this.start) / 1_000_000);
			this.start = now;
		}

	}

	/** At most {@link ImportReport#MAX_ERRORS} errors, and how many more there are. */
	private static List<FieldError> listed(List<FieldError> errors, long all) {
		if (all <= ImportReport.MAX_ERRORS) {
			return errors;
		}
		var listed = new ArrayList<>(errors);
		listed.add(new FieldError("file", (all - ImportReport.MAX_ERRORS) + " more rows cannot be imported"));
		return listed;
	}

	/** A digest of the values a row is imported with. */
	static String fingerprint(Record row) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(row.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
