package com.trellis.hygiene;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.matching.CompanyMatcher;
import com.trellis.matching.Match;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored checks of the hygiene report: the duplicate accounts, decided by the matcher
 * ({@link CompanyMatcher}) for the whole program by a job and stored with the time they
 * were computed, and the overlapping registrations, counted per registration
 * ({@link OverlapStore}). The job ({@code trellis.hygiene.duplicates-refresh}, default
 * every minute) recomputes each when its data (the accounts, the open registrations)
 * changed since or an admin queued a recomputation ({@link #request}); it claims each run
 * with a transaction-scoped advisory lock that another instance does not wait for, so
 * with several instances each change is decided once. Requests only read the stored
 * result (scoped and paged in SQL): at 100,000 accounts the recomputation takes minutes,
 * no request waits for it.
 */
@Service
class DuplicateAccounts {

	/** Accounts (by id) whose candidates one statement finds. */
	static final int ID_RANGE = 5_000;

	private final DuplicateCandidates repository;

	private final DuplicateStore store;

	private final OverlapStore overlaps;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	DuplicateAccounts(DuplicateCandidates repository, DuplicateStore store, OverlapStore overlaps, Clock clock,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.store = store;
		this.overlaps = overlaps;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${trellis.hygiene.duplicates-refresh:60s}",
			initialDelayString = "${trellis.hygiene.duplicates-refresh:60s}")
	void refresh() {
		recomputeIfDue();
	}

	/**
	 * The job's run, in a transaction of its own: recomputes and stores the duplicates
	 * when the accounts changed since the stored result, and counts the overlapping
	 * registrations again ({@link OverlapStore}) when the open registrations changed,
	 * both when a recomputation was requested; true when it stored anything, false when
	 * nothing was due or another instance holds the run.
	 */
	boolean recomputeIfDue() {
		return Boolean.TRUE.equals(this.ownTransaction.execute(status -> {
			if (!this.store.tryLock()) {
				return false;
			}
			var started = this.clock.instant();
			// only the request this run read is answered below: one committed after the
			// read stays queued for the next run, whatever its time (a request's time is
			// taken before its commit, so a time before this run's start did not mean it
			// was seen: two instances under load dropped such a request unserved)
			var request = this.store.requestedAt();
			boolean requested = request.isPresent();
			boolean stored = false;
			var signature = this.store.signature();
			if (requested || this.store.storedSignature().filter(signature::equals).isEmpty()) {
				this.store.replace(decide(), signature, started);
				stored = true;
			}
			var registrations = this.overlaps.signature();
			if (requested || this.overlaps.storedSignature().filter(registrations::equals).isEmpty()) {
				this.overlaps.replace(registrations, started);
				stored = true;
			}
			request.ifPresent(this.store::clearRequest);
			return stored;
		}));
	}

	/**
	 * Every account of the program with a likely duplicate, with the duplicates' texts: a
	 * range of account ids at a time, so each statement and each batch of pairs held
	 * stays small whatever the number of accounts.
	 */
	Map<Long, String> decide() {
		var found = new LinkedHashMap<Long, List<String>>();
		var ids = this.repository.accountIds();
		for (long after = ids[0] - 1; after < ids[1]; after += ID_RANGE) {
			for (var pair : this.repository.duplicateCandidates(HygieneScope.PROGRAM, after, after + ID_RANGE)) {
				CompanyMatcher.match(pair[0].company(), pair[1].company())
					.map(Match::reason)
					.ifPresent(reason -> found.computeIfAbsent(pair[0].accountId(), a -> new ArrayList<>())
						.add("account " + pair[1].accountId() + " " + pair[1].name() + " (" + reason + ")"));
			}
		}
		var texts = new LinkedHashMap<Long, String>();
		found.forEach((account, reasons) -> texts.put(account, String.join("; ", reasons)));
		return texts;
	}

	/**
	 * Queues a recomputation for the job's next run (the request does not wait for it).
	 */
	void request(long by) {
		this.store.request(this.clock.instant(), by);
	}

	/**
	 * When the stored result of a check was computed and whether a recomputation is
	 * queued; null for a check counted on each read.
	 */
	StoredResult state(HygieneCheck check) {
		var computed = switch (check) {
			case DUPLICATE_ACCOUNTS -> this.store.computedAt();
			case OVERLAPPING_REGISTRATIONS -> this.overlaps.computedAt();
			default -> null;
		};
		return computed == null ? null : new StoredResult(computed.orElse(null), this.store.requestedAt().orElse(null));
	}

	long overlapCount(HygieneScope scope) {
		return this.overlaps.count(scope);
	}

	PageResult<HygieneRecord> overlapPage(HygieneScope scope, PageRequest page) {
		return new PageResult<>(this.overlaps.page(scope, page), page.page(), page.size(), this.overlaps.count(scope));
	}

	long count(HygieneScope scope) {
		return this.store.count(scope);
	}

	PageResult<HygieneRecord> page(HygieneScope scope, PageRequest page) {
		return new PageResult<>(this.store.page(scope, page), page.page(), page.size(), this.store.count(scope));
	}

	/** Every stored record of {@code check} in scope, each handed on as it is read. */
	void forEach(HygieneCheck check, HygieneScope scope, java.util.function.Consumer<HygieneRecord> action) {
		if (check == HygieneCheck.DUPLICATE_ACCOUNTS) {
			this.store.forEach(scope, action);
		}
		else {
			this.overlaps.forEach(scope, action);
		}
	}

}
