package com.trellis.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import com.trellis.accounts.AccountImport;
import com.trellis.accounts.ImportedAccount;
import com.trellis.audit.AuditLog;
import com.trellis.deals.DealImport;
import com.trellis.deals.ImportedDeal;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.partners.ImportedPartner;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerImport;
import com.trellis.partners.PartnerType;
import com.trellis.partners.Tier;
import com.trellis.shared.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * Writes a checked import plan in the caller's transaction through the owning modules'
 * import ports: owners and partners one by one (few), new accounts and deals in bulk
 * ({@code COPY}, one audit entry and one event per batch), changed ones one by one, and
 * the source records in bulk.
 */
@Component
class ImportWriter {

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

	private final Clock clock;

	ImportWriter(Users users, AccountImport accounts, DealImport deals, PartnerImport partners, ImportRecords records,
			AuditLog audit, BusinessCalendar calendar, Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.deals = deals;
		this.partners = partners;
		this.records = records;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	record Known(Map<String, ImportRecords.Known> partners, Map<String, ImportRecords.Known> accounts,
			Map<String, ImportRecords.Known> deals) {
	}

	void write(AuditLog.Actor actor, String system, OwnerMatch owners, ImportPlan plan, Map<String, Long> pams,
			Known known, Map<String, ImportReport.Counts> counts, ImportProgress progress) {
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
			.forEach((source, record) -> partnerIds.put(source, record.targetId()));
		for (var row : plan.partners) {
			var record = known.partners().get(row.sourceId());
			var fingerprint = CrmImport.fingerprint(row);
			var partner = new ImportedPartner(row.name(), partnerType(row.type()), row.domain(),
					row.country() == null ? "Unassigned" : row.country(),
					record == null ? pams.get(row.sourceId()) : 0L, Tier.TIER_3_BASELINE, LifecycleStatus.ACTIVE,
					LocalDate.ofInstant(row.createdAt(), this.calendar.zone()));
			long id = record != null ? record.targetId() : this.partners.create(actor, partner, system);
			if (record != null && !record.fingerprint().equals(fingerprint)) {
				this.partners.update(actor, id, partner);
			}
			if (record == null || !record.fingerprint().equals(fingerprint)) {
				this.records.save(system, "Partner", row.sourceId(), id, fingerprint, false, now);
			}
			partnerIds.put(row.sourceId(), id);
		}
		var accountIds = new HashMap<String, Long>();
		this.records.find(system, "Account", plan.deals.stream().map(ImportPlan.DealRow::accountSourceId).toList())
			.forEach((source, record) -> accountIds.put(source, record.targetId()));
		var newAccounts = new ArrayList<ImportPlan.AccountRow>();
		var savedAccounts = new ArrayList<ImportRecords.Saved>();
		for (var row : plan.accounts) {
			var account = account(row, userIds);
			var record = known.accounts().get(row.sourceId());
			var fingerprint = CrmImport.fingerprint(row);
			if (record == null) {
				newAccounts.add(row);
				continue;
			}
			if (!record.fingerprint().equals(fingerprint)) {
				this.accounts.update(actor, record.targetId(), account);
				savedAccounts.add(new ImportRecords.Saved(row.sourceId(), record.targetId(), fingerprint, false));
			}
			accountIds.put(row.sourceId(), record.targetId());
		}
		var createdAccounts = this.accounts.createAll(actor,
				newAccounts.stream().map(row -> account(row, userIds)).toList());
		for (int i = 0; i < newAccounts.size(); i++) {
			var row = newAccounts.get(i);
			accountIds.put(row.sourceId(), createdAccounts.get(i));
			savedAccounts.add(
					new ImportRecords.Saved(row.sourceId(), createdAccounts.get(i), CrmImport.fingerprint(row), false));
		}
		this.records.saveAll(system, "Account", savedAccounts, now);
		progress.applied(plan.partners.size() + plan.accounts.size());
		var newDeals = new ArrayList<ImportPlan.DealRow>();
		var newValues = new ArrayList<ImportedDeal>();
		var savedDeals = new ArrayList<ImportRecords.Saved>();
		for (var row : plan.deals) {
			var deal = new ImportedDeal(accountIds.get(row.accountSourceId()), row.name(), row.amount(), row.currency(),
					row.closeDate(), userIds.get(row.ownerEmail()), row.createdAt(), row.moves(),
					row.partnerSourceId() == null ? null : new ImportedDeal.Credit(
							partnerIds.get(row.partnerSourceId()), row.credit(), IMPORTED_SHARE));
			var record = known.deals().get(row.sourceId());
			var fingerprint = CrmImport.fingerprint(row);
			if (record == null) {
				newDeals.add(row);
				newValues.add(deal);
			}
			else if (!record.fingerprint().equals(fingerprint)) {
				this.deals.update(actor, record.targetId(), deal);
				savedDeals
					.add(new ImportRecords.Saved(row.sourceId(), record.targetId(), fingerprint, row.amountUnknown()));
			}
		}
		var createdDeals = this.deals.createAll(actor, newValues);
		for (int i = 0; i < newDeals.size(); i++) {
			var row = newDeals.get(i);
			savedDeals.add(new ImportRecords.Saved(row.sourceId(), createdDeals.get(i), CrmImport.fingerprint(row),
					row.amountUnknown()));
		}
		this.records.saveAll(system, "Opportunity", savedDeals, now);
		progress.applied(plan.deals.size() + plan.deals.stream().mapToLong(d -> d.moves().size()).sum());
		boolean changed = counts.values().stream().anyMatch(c -> c.create() > 0 || c.update() > 0);
		if (changed) {
			this.audit.record(actor, "import", system, "imported a " + system + " export", null, counts);
		}
	}

	private static ImportedAccount account(ImportPlan.AccountRow row, Map<String, Long> userIds) {
		return new ImportedAccount(row.name(), row.domain(), row.industry(), userIds.get(row.ownerEmail()),
				row.createdAt());
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

}
