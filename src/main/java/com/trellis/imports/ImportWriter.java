package com.trellis.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a checked import plan in the caller's transaction through the owning modules'
 * import ports, reading the planned rows from the staging a page at a time
 * ({@code trellis.imports.page-size}, 5,000 by default), so what it holds does not grow
 * with the files: owners and partners one by one (few), new accounts and deals in bulk
 * per page ({@code COPY}, one audit entry and one event per page), changed ones one by
 * one (keeping their owner where {@link OwnerRule} says so), and the source records, with
 * the owner each file row names, in bulk per page.
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

	private final StagedPages pages;

	private final HeldRows held;

	private final int pageSize;

	ImportWriter(Users users, AccountImport accounts, DealImport deals, PartnerImport partners, ImportRecords records,
			AuditLog audit, BusinessCalendar calendar, Clock clock, StagedPages pages, HeldRows held,
			@Value("${trellis.imports.page-size:5000}") int pageSize) {
		this.pages = pages;
		this.held = held;
		this.pageSize = pageSize;
		this.users = users;
		this.accounts = accounts;
		this.deals = deals;
		this.partners = partners;
		this.records = records;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Writes the planned rows a page at a time (at most {@code page} rows held), each
	 * page through the owning module's bulk port; returns nothing, the counts being
	 * known.
	 * @param pams the PAM of a new partner from its owner's e-mail
	 */
	void write(AuditLog.Actor actor, String system, OwnerMatch owners, Function<String, Long> pams,
			Map<String, ImportReport.Counts> counts, ImportProgress progress) {
		// history brought in, not news: no webhook announces what these rows change
		com.trellis.shared.ImportScope.mark();
		var now = this.clock.instant();
		var userIds = new HashMap<String, Long>();
		for (var owner : owners.all()) {
			long id = owner.userId() != null ? owner.userId()
					: this.users.createDeactivated(actor, owner.email(), owner.name(), Role.AE).id();
			userIds.put(owner.email(), id);
		}
		partners(actor, system, pams, now, progress);
		accounts(actor, system, userIds, now, progress);
		deals(actor, system, userIds, now, progress);
		boolean changed = counts.values().stream().anyMatch(c -> c.create() > 0 || c.update() > 0);
		if (changed) {
			this.audit.record(actor, "import", system, "imported a " + system + " export", null, counts);
		}
	}

	private void partners(AuditLog.Actor actor, String system, Function<String, Long> pams, Instant now,
			ImportProgress progress) {
		long after = -1;
		List<Planned<ImportPlan.PartnerRow>> page;
		while (!(page = this.pages
			.accounts(system, true, after, this.pageSize,
					(rs, row) -> new ImportPlan.PartnerRow(row.sourceId(), row.name(), row.domain(),
							rs.getString("type"), rs.getString("country"), row.ownerEmail(), row.createdAt())))
			.isEmpty()) {
			this.held.hold(page.size());
			for (var planned : page) {
				var row = planned.row();
				var partner = new ImportedPartner(row.name(), partnerType(row.type()), row.domain(),
						row.country() == null ? "Unassigned" : row.country(),
						planned.targetId() == null ? pams.apply(row.ownerEmail()) : 0L, Tier.TIER_3_BASELINE,
						LifecycleStatus.ACTIVE, LocalDate.ofInstant(row.createdAt(), this.calendar.zone()));
				if (planned.targetId() == null) {
					long id = this.partners.create(actor, partner, system);
					this.records.save(system, "Partner",
							new ImportRecords.Saved(row.sourceId(), id, planned.fingerprint(), false, row.ownerEmail()),
							now);
				}
				else if (!planned.fingerprint().equals(planned.knownFingerprint())) {
					// a later export never sets the PAM: it belongs to the program
					this.partners.update(actor, planned.targetId(), partner);
					this.records.save(system, "Partner", new ImportRecords.Saved(row.sourceId(), planned.targetId(),
							planned.fingerprint(), false, row.ownerEmail()), now);
				}
			}
			progress.applied(page.size());
			this.held.release(page.size());
			after = page.get(page.size() - 1).ord();
		}
	}

	private void accounts(AuditLog.Actor actor, String system, Map<String, Long> userIds, Instant now,
			ImportProgress progress) {
		long after = -1;
		List<Planned<ImportPlan.LocatedAccountRow>> page;
		while (!(page = this.pages.accounts(system, false, after, this.pageSize,
				(rs, row) -> new ImportPlan.LocatedAccountRow(row, rs.getString("country"))))
			.isEmpty()) {
			this.held.hold(page.size());
			var created = new ArrayList<Planned<ImportPlan.LocatedAccountRow>>();
			var saved = new ArrayList<ImportRecords.Saved>();
			for (var planned : page) {
				if (planned.targetId() == null) {
					created.add(planned);
				}
				else if (!planned.fingerprint().equals(planned.knownFingerprint())) {
					this.accounts.update(actor, planned.targetId(), account(planned.row(), userIds),
							planned.keepOwner());
					saved.add(new ImportRecords.Saved(planned.row().account().sourceId(), planned.targetId(),
							planned.fingerprint(), false, planned.row().account().ownerEmail()));
				}
			}
			var ids = this.accounts.createAll(actor, created.stream().map(p -> account(p.row(), userIds)).toList());
			for (int i = 0; i < created.size(); i++) {
				var row = created.get(i).row().account();
				saved.add(new ImportRecords.Saved(row.sourceId(), ids.get(i), created.get(i).fingerprint(), false,
						row.ownerEmail()));
			}
			this.records.saveAll(system, "Account", saved, now);
			progress.applied(page.size());
			this.held.release(page.size());
			after = page.get(page.size() - 1).ord();
		}
	}

	private void deals(AuditLog.Actor actor, String system, Map<String, Long> userIds, Instant now,
			ImportProgress progress) {
		long after = -1;
		List<StagedPages.PlannedDeal> page;
		while (!(page = this.pages.deals(system, after, this.pageSize)).isEmpty()) {
			long moves = page.stream().mapToLong(d -> d.row().moves().size()).sum();
			this.held.hold(page.size() + moves);
			var created = new ArrayList<StagedPages.PlannedDeal>();
			var values = new ArrayList<ImportedDeal>();
			var saved = new ArrayList<ImportRecords.Saved>();
			for (var planned : page) {
				var row = planned.row();
				var deal = new ImportedDeal(planned.accountId(), row.name(), row.amountUnknown() ? null : row.amount(),
						row.currency(), row.closeDate(), userIds.get(row.ownerEmail()), row.createdAt(), row.moves(),
						row.partnerSourceId() == null ? null
								: new ImportedDeal.Credit(planned.partnerId(), row.credit(), IMPORTED_SHARE));
				if (planned.targetId() == null) {
					created.add(planned);
					values.add(deal);
				}
				else {
					this.deals.update(actor, planned.targetId(), deal, planned.keepOwner());
					saved.add(new ImportRecords.Saved(row.sourceId(), planned.targetId(), planned.fingerprint(),
							row.amountUnknown(), row.ownerEmail()));
				}
			}
			var ids = this.deals.createAll(actor, values);
			for (int i = 0; i < created.size(); i++) {
				var row = created.get(i).row();
				saved.add(new ImportRecords.Saved(row.sourceId(), ids.get(i), created.get(i).fingerprint(),
						row.amountUnknown(), row.ownerEmail()));
			}
			this.records.saveAll(system, "Opportunity", saved, now);
			progress.applied(page.size() + moves);
			this.held.release(page.size() + moves);
			after = page.get(page.size() - 1).ord();
		}
	}

	private static ImportedAccount account(ImportPlan.LocatedAccountRow located, Map<String, Long> userIds) {
		var row = located.account();
		return new ImportedAccount(row.name(), row.domain(), row.industry(), userIds.get(row.ownerEmail()),
				row.createdAt(), located.country());
	}

	/**
	 * A planned row of the staging with the record it was imported as before, if any, and
	 * whether that record keeps its owner ({@link OwnerRule}).
	 */
	record Planned<T>(long ord, T row, String fingerprint, Long targetId, String knownFingerprint, boolean keepOwner) {
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
