package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.time.ZoneId;

import com.trellis.accounts.AccountImport;
import com.trellis.accounts.ImportedAccount;
import com.trellis.audit.AuditLog;
import com.trellis.deals.DealImport;
import com.trellis.deals.ImportedDeal;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ExchangeRates;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a CRM export: a Salesforce data export (Account, User, Opportunity,
 * OpportunityHistory) or HubSpot's companies and deals. Everything is validated first; a
 * dry run reports the bad rows, the mapping and the counts and writes nothing; a real run
 * with any bad row is refused naming them all and writes nothing; otherwise all rows are
 * written in one transaction through the accounts and deals modules' import ports. Rows
 * carry their source id, so importing the same export again writes nothing and a later
 * export updates the changed rows.
 */
@Service
class CrmImport {

	private final Users users;

	private final AccountImport accounts;

	private final DealImport deals;

	private final ImportRecords records;

	private final AuditLog audit;

	private final BusinessCalendar calendar;

	private final ExchangeRates rates;

	private final Clock clock;

	private final ValueLimits limits;

	CrmImport(Users users, AccountImport accounts, DealImport deals, ImportRecords records, AuditLog audit,
			BusinessCalendar calendar, ExchangeRates rates, Clock clock, ValueLimits limits) {
		this.limits = limits;
		this.users = users;
		this.accounts = accounts;
		this.deals = deals;
		this.records = records;
		this.audit = audit;
		this.calendar = calendar;
		this.rates = rates;
		this.clock = clock;
	}

	/**
	 * @param system SALESFORCE or HUBSPOT: the source whose ids the rows carry
	 * @param reader reads the export's files, moments without an offset in the given zone
	 */
	@Transactional
	ImportReport run(Viewer viewer, String system, Function<ZoneId, CrmExport> reader, ImportMapping mapping,
			boolean dryRun) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin imports CRM exports");
		}
		if (!dryRun) {
			this.records.lock(system);
		}
		var export = reader.apply(this.calendar.zone());
		var errors = new ArrayList<>(export.errors);
		if (mapping.defaultCurrency() != null) {
			var currency = SourceValues.currency(mapping.defaultCurrency());
			if (!currency.ok()) {
				errors.add(new FieldError("currency", currency.refusal()));
			}
		}
		var defaultCurrency = mapping.defaultCurrency() != null ? mapping.defaultCurrency() : ReportingCurrency.CODE;
		new ImportValueRules(this.limits, this.calendar.zone()).check(export, defaultCurrency.toUpperCase(Locale.ROOT),
				errors);
		var owners = new OwnerMatch(export.users, mapping, this.users, errors);
		var stages = new StageMap();
		export.deals.stream().filter(d -> d.stage() != null).forEach(d -> stages.use(d.stage(), d.closed(), d.won()));
		export.history.stream().filter(h -> h.stage() != null).forEach(h -> stages.use(h.stage(), null, null));
		stages.decide(mapping, errors);
		var fileAccounts = export.accounts.stream().map(CrmExport.Account::id).collect(Collectors.toSet());
		var referenced = export.deals.stream()
			.map(d -> d.accountId().strip())
			.filter(id -> !id.isEmpty() && !fileAccounts.contains(id))
			.collect(Collectors.toSet());
		var plan = ImportPlan.of(export, stages, owners, defaultCurrency,
				this.records.find(system, "Account", referenced).keySet(), c -> this.rates.toReporting(c).isPresent(),
				this.calendar::startOf, errors);
		var knownAccounts = this.records.find(system, "Account",
				plan.accounts.stream().map(ImportPlan.AccountRow::sourceId).toList());
		var knownDeals = this.records.find(system, "Opportunity",
				plan.deals.stream().map(ImportPlan.DealRow::sourceId).toList());
		var counts = new LinkedHashMap<String, ImportReport.Counts>();
		counts.put("users", new ImportReport.Counts(
				(int) owners.all().stream().filter(o -> "CREATE".equals(o.match())).count(), 0, 0));
		counts.put("accounts", count(plan.accounts, a -> knownAccounts.get(a.sourceId()), a -> fingerprint(a)));
		counts.put("opportunities", count(plan.deals, d -> knownDeals.get(d.sourceId()), d -> fingerprint(d)));
		int moves = 0;
		for (var deal : plan.deals) {
			var known = knownDeals.get(deal.sourceId());
			moves += known == null ? deal.moves().size() : this.deals.movesToAdd(known.targetId(), deal.moves());
		}
		counts.put("stageChanges", new ImportReport.Counts(moves, 0, 0));
		var warnings = new ArrayList<>(plan.warnings);
		if (plan.partnerAccountsLeftOut > 0) {
			warnings.add(plan.partnerAccountsLeftOut
					+ " accounts marked IsPartner were left out: partners are not imported from Salesforce yet");
		}
		errors.sort(ImportReport.BY_ROW);
		if (!errors.isEmpty() && !dryRun) {
			throw new InvalidInputException(listed(errors));
		}
		boolean write = errors.isEmpty() && !dryRun;
		if (write) {
			write(viewer.actor(), system, owners, plan, knownAccounts, knownDeals, counts);
		}
		var ownerLines = owners.all()
			.stream()
			.map(o -> new ImportReport.OwnerLine(o.email(), o.name(), o.activeInSource(), o.userId(), o.match()))
			.toList();
		return new ImportReport(dryRun, write, errors.size(),
				List.copyOf(errors.subList(0, Math.min(errors.size(), ImportReport.MAX_ERRORS))), warnings, counts,
				stages.report(), ownerLines);
	}

	/** At most {@link ImportReport#MAX_ERRORS} errors, and how many more there are. */
	private static List<FieldError> listed(List<FieldError> errors) {
		if (errors.size() <= ImportReport.MAX_ERRORS) {
			return errors;
		}
		var listed = new ArrayList<>(errors.subList(0, ImportReport.MAX_ERRORS));
		listed.add(new FieldError("file", (errors.size() - ImportReport.MAX_ERRORS) + " more rows cannot be imported"));
		return listed;
	}

	private void write(AuditLog.Actor actor, String system, OwnerMatch owners, ImportPlan plan,
			Map<String, ImportRecords.Known> knownAccounts, Map<String, ImportRecords.Known> knownDeals,
			Map<String, ImportReport.Counts> counts) {
		var now = this.clock.instant();
		var userIds = new HashMap<String, Long>();
		for (var owner : owners.all()) {
			long id = owner.userId() != null ? owner.userId()
					: this.users.createDeactivated(actor, owner.email(), owner.name(), Role.AE).id();
			userIds.put(owner.email(), id);
		}
		var accountIds = new HashMap<String, Long>();
		this.records.find(system, "Account", plan.deals.stream().map(ImportPlan.DealRow::accountSourceId).toList())
			.forEach((source, known) -> accountIds.put(source, known.targetId()));
		for (var row : plan.accounts) {
			var account = new ImportedAccount(row.name(), row.domain(), row.industry(), userIds.get(row.ownerEmail()),
					row.createdAt());
			var known = knownAccounts.get(row.sourceId());
			var fingerprint = fingerprint(row);
			long id = known != null ? known.targetId() : this.accounts.create(actor, account);
			if (known != null && !known.fingerprint().equals(fingerprint)) {
				this.accounts.update(actor, id, account);
			}
			if (known == null || !known.fingerprint().equals(fingerprint)) {
				this.records.save(system, "Account", row.sourceId(), id, fingerprint, false, now);
			}
			accountIds.put(row.sourceId(), id);
		}
		for (var row : plan.deals) {
			var deal = new ImportedDeal(accountIds.get(row.accountSourceId()), row.name(), row.amount(), row.currency(),
					row.closeDate(), userIds.get(row.ownerEmail()), row.createdAt(), row.moves());
			var known = knownDeals.get(row.sourceId());
			var fingerprint = fingerprint(row);
			if (known == null) {
				long id = this.deals.create(actor, deal);
				this.records.save(system, "Opportunity", row.sourceId(), id, fingerprint, row.amountUnknown(), now);
			}
			else if (!known.fingerprint().equals(fingerprint)) {
				this.deals.update(actor, known.targetId(), deal);
				this.records.save(system, "Opportunity", row.sourceId(), known.targetId(), fingerprint,
						row.amountUnknown(), now);
			}
		}
		boolean changed = counts.values().stream().anyMatch(c -> c.create() > 0 || c.update() > 0);
		if (changed) {
			this.audit.record(actor, "import", system, "imported a " + system + " export", null, counts);
		}
	}

	private static <T> ImportReport.Counts count(List<T> rows,
			java.util.function.Function<T, ImportRecords.Known> known,
			java.util.function.Function<T, String> fingerprint) {
		int create = 0;
		int update = 0;
		int unchanged = 0;
		for (var row : rows) {
			var k = known.apply(row);
			if (k == null) {
				create++;
			}
			else if (k.fingerprint().equals(fingerprint.apply(row))) {
				unchanged++;
			}
			else {
				update++;
			}
		}
		return new ImportReport.Counts(create, update, unchanged);
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
