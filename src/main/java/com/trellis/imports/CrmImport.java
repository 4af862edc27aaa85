package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

	private final DealImport deals;

	private final ImportRecords records;

	private final ImportWriter writer;

	private final BusinessCalendar calendar;

	private final ExchangeRates rates;

	private final ValueLimits limits;

	CrmImport(Users users, DealImport deals, ImportRecords records, ImportWriter writer, BusinessCalendar calendar,
			ExchangeRates rates, ValueLimits limits) {
		this.limits = limits;
		this.users = users;
		this.deals = deals;
		this.records = records;
		this.writer = writer;
		this.calendar = calendar;
		this.rates = rates;
	}

	/**
	 * @param system SALESFORCE or HUBSPOT: the source whose ids the rows carry
	 * @param reader reads the export's files, moments without an offset in the given zone
	 */
	@Transactional
	ImportReport run(Viewer viewer, String system, Function<ZoneId, CrmExport> reader, ImportMapping mapping,
			boolean dryRun) {
		return run(viewer, system, reader, mapping, dryRun, ImportProgress.NONE);
	}

	/** As {@link #run}, telling {@code progress} what it does. */
	@Transactional
	ImportReport run(Viewer viewer, String system, Function<ZoneId, CrmExport> reader, ImportMapping mapping,
			boolean dryRun, ImportProgress progress) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin imports CRM exports");
		}
		if (!dryRun) {
			this.records.lock(system);
		}
		progress.phase("READING");
		var export = reader.apply(this.calendar.zone());
		progress.phase("VALIDATING");
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
		var filePartners = export.accounts.stream()
			.filter(CrmExport.Account::partner)
			.map(CrmExport.Account::id)
			.collect(Collectors.toSet());
		var referencedPartners = export.partnerLinks.stream()
			.map(CrmExport.PartnerLink::partnerAccountId)
			.filter(id -> id != null && !filePartners.contains(id))
			.collect(Collectors.toSet());
		var credits = new PartnerCredits();
		// asked once per currency, not once per deal
		var rated = new HashMap<String, Boolean>();
		var plan = ImportPlan.of(export, mapping, stages, owners, defaultCurrency,
				this.records.find(system, "Account", referenced).keySet(),
				this.records.find(system, "Partner", referencedPartners).keySet(), credits,
				c -> rated.computeIfAbsent(c, code -> this.rates.toReporting(code).isPresent()), this.calendar::startOf,
				errors);
		var knownPartners = this.records.find(system, "Partner",
				plan.partners.stream().map(ImportPlan.PartnerRow::sourceId).toList());
		var warnings = new ArrayList<>(plan.warnings);
		var pams = pams(viewer, plan, owners, mapping, knownPartners, warnings, errors);
		var knownAccounts = this.records.find(system, "Account",
				plan.accounts.stream().map(ImportPlan.AccountRow::sourceId).toList());
		var knownDeals = this.records.find(system, "Opportunity",
				plan.deals.stream().map(ImportPlan.DealRow::sourceId).toList());
		var counts = new LinkedHashMap<String, ImportReport.Counts>();
		counts.put("users", new ImportReport.Counts(
				(int) owners.all().stream().filter(o -> "CREATE".equals(o.match())).count(), 0, 0));
		counts.put("partners", count(plan.partners, p -> knownPartners.get(p.sourceId()), p -> fingerprint(p)));
		counts.put("accounts", count(plan.accounts, a -> knownAccounts.get(a.sourceId()), a -> fingerprint(a)));
		counts.put("opportunities", count(plan.deals, d -> knownDeals.get(d.sourceId()), d -> fingerprint(d)));
		int moves = 0;
		for (var deal : plan.deals) {
			var known = knownDeals.get(deal.sourceId());
			moves += known == null ? deal.moves().size() : this.deals.movesToAdd(known.targetId(), deal.moves());
		}
		counts.put("stageChanges", new ImportReport.Counts(moves, 0, 0));
		errors.sort(ImportReport.BY_ROW);
		if (!errors.isEmpty() && !dryRun) {
			throw new InvalidInputException(listed(errors));
		}
		boolean write = errors.isEmpty() && !dryRun;
		if (write) {
			progress.validated(export.accounts.size() + export.users.size() + export.deals.size()
					+ export.history.size() + export.partnerLinks.size());
			progress.phase("APPLYING");
			this.writer.write(viewer.actor(), system, owners, plan, pams,
					new ImportWriter.Known(knownPartners, knownAccounts, knownDeals), counts, progress);
		}
		var ownerLines = owners.all()
			.stream()
			.map(o -> new ImportReport.OwnerLine(o.email(), o.name(), o.activeInSource(), o.userId(), o.match()))
			.toList();
		return new ImportReport(dryRun, write, errors.size(),
				List.copyOf(errors.subList(0, Math.min(errors.size(), ImportReport.MAX_ERRORS))), warnings, counts,
				stages.report(), ownerLines, credits.report());
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

	/**
	 * The PAM of each partner to create: the account's owner when that user is a PAM,
	 * else the PAM named in the mapping ({@code partnerPam}), else the importing admin
	 * holds the partner until they name its PAM (listed as a warning).
	 */
	private Map<String, Long> pams(Viewer viewer, ImportPlan plan, OwnerMatch owners, ImportMapping mapping,
			Map<String, ImportRecords.Known> known, List<String> warnings, List<FieldError> errors) {
		Long fallback = null;
		if (mapping.partnerPam() != null) {
			var pam = this.users.findEnabled(mapping.partnerPam());
			if (pam.isEmpty() || pam.get().role() != Role.PAM) {
				errors.add(new FieldError("partnerPam", "must be the id of an active partner account manager"));
			}
			else {
				fallback = pam.get().id();
			}
		}
		var ownerIds = new HashMap<String, Long>();
		owners.all().forEach(o -> ownerIds.put(o.email(), o.userId()));
		var pams = new HashMap<String, Long>();
		int adminHeld = 0;
		for (var row : plan.partners) {
			if (known.containsKey(row.sourceId())) {
				continue;
			}
			var ownerId = ownerIds.get(row.ownerEmail());
			var owner = ownerId == null ? null : this.users.findEnabled(ownerId).orElse(null);
			if (owner != null && owner.role() == Role.PAM) {
				pams.put(row.sourceId(), owner.id());
			}
			else if (fallback != null) {
				pams.put(row.sourceId(), fallback);
			}
			else {
				pams.put(row.sourceId(), viewer.userId());
				adminHeld++;
			}
		}
		if (adminHeld > 0) {
			warnings.add(adminHeld + " partners whose owner is no active PAM are held by you until you name their PAM"
					+ " (or import with partnerPam=<user id>)");
		}
		return pams;
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
