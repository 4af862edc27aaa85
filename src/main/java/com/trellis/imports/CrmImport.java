package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
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
import com.trellis.partners.ImportedPartner;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerImport;
import com.trellis.partners.PartnerType;
import com.trellis.partners.Tier;
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

	/**
	 * The partner's share of an imported deal: the exports carry none, so the whole deal;
	 * the admin corrects it on the deal.
	 */
	static final java.math.BigDecimal IMPORTED_SHARE = new java.math.BigDecimal("100.00");

	private final Users users;

	private final AccountImport accounts;

	private final DealImport deals;

	private final PartnerImport partners;

	private final ImportRecords records;

	private final AuditLog audit;

	private final BusinessCalendar calendar;

	private final ExchangeRates rates;

	private final Clock clock;

	private final ValueLimits limits;

	CrmImport(Users users, AccountImport accounts, DealImport deals, PartnerImport partners, ImportRecords records,
			AuditLog audit, BusinessCalendar calendar, ExchangeRates rates, Clock clock, ValueLimits limits) {
		this.limits = limits;
		this.users = users;
		this.partners = partners;
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
		var filePartners = export.accounts.stream()
			.filter(CrmExport.Account::partner)
			.map(CrmExport.Account::id)
			.collect(Collectors.toSet());
		var referencedPartners = export.partnerLinks.stream()
			.map(CrmExport.PartnerLink::partnerAccountId)
			.filter(id -> id != null && !filePartners.contains(id))
			.collect(Collectors.toSet());
		var credits = new PartnerCredits();
		var plan = ImportPlan.of(export, mapping, stages, owners, defaultCurrency,
				this.records.find(system, "Account", referenced).keySet(),
				this.records.find(system, "Partner", referencedPartners).keySet(), credits,
				c -> this.rates.toReporting(c).isPresent(), this.calendar::startOf, errors);
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
			write(viewer.actor(), system, owners, plan, pams, knownPartners, knownAccounts, knownDeals, counts);
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

	private void write(AuditLog.Actor actor, String system, OwnerMatch owners, ImportPlan plan, Map<String, Long> pams,
			Map<String, ImportRecords.Known> knownPartners, Map<String, ImportRecords.Known> knownAccounts,
			Map<String, ImportRecords.Known> knownDeals, Map<String, ImportReport.Counts> counts) {
		var now = this.clock.instant();
		var userIds = new HashMap<String, Long>();
		for (var owner : owners.all()) {
			long id = owner.userId() != null ? owner.userId()
					: this.users.createDeactivated(actor, owner.email(), owner.name(), Role.AE).id();
			userIds.put(owner.email(), id);
		}
		var partnerIds = new HashMap<String, Long>();
		this.records
			.find(system, "Partner",
					plan.deals.stream().map(ImportPlan.DealRow::partnerSourceId).filter(p -> p != null).toList())
			.forEach((source, known) -> partnerIds.put(source, known.targetId()));
		for (var row : plan.partners) {
			var known = knownPartners.get(row.sourceId());
			var fingerprint = fingerprint(row);
			var partner = new ImportedPartner(row.name(), partnerType(row.type()), row.domain(),
					row.country() == null ? "Unassigned" : row.country(), known == null ? pams.get(row.sourceId()) : 0L,
					Tier.TIER_3_BASELINE, LifecycleStatus.ACTIVE,
					LocalDate.ofInstant(row.createdAt(), this.calendar.zone()));
			long id = known != null ? known.targetId() : this.partners.create(actor, partner, system);
			if (known != null && !known.fingerprint().equals(fingerprint)) {
				this.partners.update(actor, id, partner);
			}
			if (known == null || !known.fingerprint().equals(fingerprint)) {
				this.records.save(system, "Partner", row.sourceId(), id, fingerprint, false, now);
			}
			partnerIds.put(row.sourceId(), id);
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
					row.closeDate(), userIds.get(row.ownerEmail()), row.createdAt(), row.moves(),
					row.partnerSourceId() == null ? null : new ImportedDeal.Credit(
							partnerIds.get(row.partnerSourceId()), row.credit(), IMPORTED_SHARE));
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

	/**
	 * The partner type from Salesforce's account {@code Type} ("Channel Partner /
	 * Reseller", "Installation Partner", "Technology Partner"); a reseller when it says
	 * nothing more.
	 */
	static PartnerType partnerType(String type) {
		var text = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
		if (text.contains("integrat") || text.contains("installation") || text.contains("consult")) {
			return PartnerType.SI;
		}
		if (text.contains("technology") || text.contains("isv") || text.contains("software")) {
			return PartnerType.ISV;
		}
		if (text.contains("referral")) {
			return PartnerType.REFERRAL;
		}
		if (text.contains("advis")) {
			return PartnerType.ADVISORY;
		}
		return PartnerType.RESELLER;
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
