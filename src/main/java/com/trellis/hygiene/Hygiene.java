package com.trellis.hygiene;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.process.SalesProcess;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hygiene module's facade: each check's count, its records (paged) and the one fix
 * that needs nobody to choose (a deactivated user's open deals to the account's owner),
 * over the viewer's scope ({@link HygieneScope}: the program, a PAM's book or a sales
 * manager's team). The checks counted on each read are exact and current (each count
 * reads the check's V105 index; the program's missing fields, stale deals and slipped
 * close dates the open deals kept per day, V133, {@link KeptCounts}); the stored ones
 * carry the time the job computed them. Stale deals use the sales process's stage norms;
 * duplicate accounts are decided by conflict detection's matcher (the company matcher)
 * and overlapping registrations counted in a job and read as it stored them
 * ({@link DuplicateAccounts}, {@link OverlapStore}): no request computes them, an admin
 * queues a recomputation.
 */
@Service
public class Hygiene {

	private final HygieneRepository repository;

	private final SalesProcess process;

	private final Deals deals;

	private final AuditLog audit;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final DuplicateAccounts duplicates;

	private final Users users;

	Hygiene(HygieneRepository repository, SalesProcess process, Deals deals, AuditLog audit, BusinessCalendar calendar,
			Clock clock, DuplicateAccounts duplicates, Users users) {
		this.duplicates = duplicates;
		this.users = users;
		this.repository = repository;
		this.process = process;
		this.deals = deals;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<HygieneSummary> summary(Viewer viewer) {
		var scope = scope(viewer);
		var summary = new ArrayList<HygieneSummary>();
		for (var check : HygieneCheck.values()) {
			if (check.stored()) {
				summary.add(new HygieneSummary(check, check.description(), storedCount(check, scope), check.fixable(),
						this.duplicates.state(check).computedAt()));
			}
			else {
				summary.add(new HygieneSummary(check, check.description(),
						this.repository.count(query(check, scope), scope), check.fixable(), null));
			}
		}
		return summary;
	}

	/**
	 * When the stored result of a check a job computes was computed and whether a
	 * recomputation is queued; null for a check counted on each read.
	 */
	@Transactional(readOnly = true)
	public StoredResult storedResult(Viewer viewer, HygieneCheck check) {
		scope(viewer);
		return this.duplicates.state(check);
	}

	/**
	 * Queues a recomputation of the stored checks (the duplicate accounts and the
	 * overlapping registrations) for the job's next run; the request does not wait for
	 * it. Program admins only; audited.
	 */
	@Transactional
	public StoredResult requestRecomputation(Viewer viewer, HygieneCheck check) {
		scope(viewer);
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("only a program admin queues a recomputation");
		}
		if (!check.stored()) {
			throw new com.trellis.shared.ConflictException("check", check
					+ " is counted on each read; only DUPLICATE_ACCOUNTS and OVERLAPPING_REGISTRATIONS are computed by a job");
		}
		this.duplicates.request(viewer.userId());
		var state = this.duplicates.state(check);
		this.audit.record(viewer.actor(), "hygiene", check.name(), "recomputation queued", null, state);
		return state;
	}

	@Transactional(readOnly = true)
	public PageResult<HygieneRecord> records(Viewer viewer, HygieneCheck check, PageRequest page) {
		var scope = scope(viewer);
		return switch (check) {
			case DUPLICATE_ACCOUNTS -> this.duplicates.page(scope, page);
			case OVERLAPPING_REGISTRATIONS -> this.duplicates.overlapPage(scope, page);
			default -> this.repository.page(query(check, scope), scope, page);
		};
	}

	private long storedCount(HygieneCheck check, HygieneScope scope) {
		return check == HygieneCheck.DUPLICATE_ACCOUNTS ? this.duplicates.count(scope)
				: this.duplicates.overlapCount(scope);
	}

	/**
	 * Every record of a check in the viewer's scope for a download, the same records in
	 * the same order as the pages: one query read in one pass, each record handed to
	 * {@code action} as it is read (the stored checks as the job stored them).
	 */
	@Transactional(readOnly = true)
	public void forEachRecord(Viewer viewer, HygieneCheck check, Consumer<HygieneRecord> action) {
		var scope = scope(viewer);
		if (check.stored()) {
			this.duplicates.forEach(check, scope, action);
		}
		else {
			this.repository.forEach(query(check, scope), scope, action);
		}
	}

	/**
	 * Hands every open deal of a deactivated user in scope to its account's owner where
	 * {@link OwnerHandover} allows it; each handover is audited on the deal. Program
	 * admins only: it changes deals of reps.
	 */
	@Transactional
	public FixResult fix(Viewer viewer, HygieneCheck check) {
		scope(viewer);
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("only a program admin applies a hygiene fix");
		}
		if (!check.fixable()) {
			throw new com.trellis.shared.ConflictException("check", check + " has no one-click fix");
		}
		int fixed = 0;
		var left = new ArrayList<FixResult.Left>();
		for (var holding : this.repository.deactivatedHoldings(HygieneScope.PROGRAM)) {
			var decision = OwnerHandover.decide(holding.accountOwnerId(), holding.accountOwnerEnabled(),
					holding.accountOwnerRole(), holding.ownerId());
			if (!decision.allowed()) {
				left.add(new FixResult.Left(holding.opportunityId(), decision.reason()));
			}
			else if (this.deals.reassignOpenDeal(viewer.actor(), holding.opportunityId(), holding.ownerId(),
					holding.accountOwnerId(), "hygiene fix: deactivated owner's deal " + decision.reason())) {
				fixed++;
			}
			// else the deal was closed or handed over since it was read (a fix run at the
			// same time): no longer a deactivated owner's, neither fixed here nor left
			// (s56: it was listed as left "goes to the account's owner")
		}
		var result = new FixResult(check, fixed, left);
		this.audit.record(viewer.actor(), "hygiene", check.name(), "fix applied: " + fixed + " fixed", null, result);
		return result;
	}

	private HygieneRepository.Query query(HygieneCheck check, HygieneScope scope) {
		var stages = this.process.stages().stream().filter(s -> s.active() && !s.closed()).toList();
		var norms = new HygieneRepository.Norms(stages.stream().map(s -> s.code().name()).toArray(String[]::new),
				stages.stream().map(s -> s.normDays()).toArray(Integer[]::new),
				stages.stream().map(s -> s.name()).toArray(String[]::new));
		return this.repository.query(check, scope, this.clock.instant(), this.calendar.today(), norms);
	}

	private HygieneScope scope(Viewer viewer) {
		var scope = HygieneScope.of(viewer.role(), viewer.userId(), this.users::reportsOf);
		if (scope == null) {
			throw new AccessDeniedException("the hygiene report is for program admins, PAMs and sales managers");
		}
		return scope;
	}

}
