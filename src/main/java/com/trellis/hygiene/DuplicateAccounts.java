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
 * The duplicate accounts of the hygiene report, decided by the matcher
 * ({@link CompanyMatcher}) for the whole program by a job and stored with the time they
 * were computed. The job ({@code trellis.hygiene.duplicates-refresh}, default every
 * minute) recomputes them when the accounts changed since or an admin queued a
 * recomputation ({@link #request}); it claims each run with a transaction-scoped advisory
 * lock that another instance does not wait for, so with several instances each change is
 * decided once. Requests only read the stored result (scoped and paged in SQL): at
 * 100,000 accounts the recomputation takes minutes, no request waits for it.
 */
@Service
class DuplicateAccounts {

	/** Accounts (by id) whose candidates one statement finds. */
	static final int ID_RANGE = 5_000;

	private final HygieneRepository repository;

	private final DuplicateStore store;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	DuplicateAccounts(HygieneRepository repository, DuplicateStore store, Clock clock,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.store = store;
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
	 * when the accounts changed since the stored result or a recomputation was requested;
	 * true when it did, false when nothing was due or another instance holds the run.
	 */
	boolean recomputeIfDue() {
		return Boolean.TRUE.equals(this.ownTransaction.execute(status -> {
			if (!this.store.tryLock()) {
				return false;
			}
			var signature = this.store.signature();
			boolean requested = this.store.requestedAt().isPresent();
			if (!requested && this.store.storedSignature().filter(signature::equals).isPresent()) {
				return false;
			}
			var started = this.clock.instant();
			this.store.replace(decide(), signature, started);
			this.store.clearRequest(started);
			return true;
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

	/** When the stored result was computed and whether a recomputation is queued. */
	StoredResult state() {
		return new StoredResult(this.store.computedAt().orElse(null), this.store.requestedAt().orElse(null));
	}

	long count(HygieneScope scope) {
		return this.store.count(scope);
	}

	PageResult<HygieneRecord> page(HygieneScope scope, PageRequest page) {
		return new PageResult<>(this.store.page(scope, page), page.page(), page.size(), this.store.count(scope));
	}

}
