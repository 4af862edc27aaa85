package com.trellis.hygiene;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.trellis.accounts.CustomerRecord;
import com.trellis.matching.Company;
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
 * ({@link CompanyMatcher}) once for the whole program and stored, instead of once per
 * request: a job ({@code trellis.hygiene.duplicates-refresh}, default every minute)
 * recomputes them when the accounts changed, and a read that finds them stale (or never
 * computed) recomputes them first. Recomputations are serialised by an advisory lock and
 * re-check the accounts' signature under it, so with several instances each change is
 * decided once. Reads are scoped and paged in SQL.
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
		ensureFresh();
	}

	/**
	 * Recomputes the stored duplicates, in a transaction of its own, when the accounts
	 * changed since; true when it did.
	 */
	boolean ensureFresh() {
		if (fresh()) {
			return false;
		}
		return Boolean.TRUE.equals(this.ownTransaction.execute(status -> recompute()));
	}

	private boolean recompute() {
		this.store.lock();
		if (fresh()) {
			return false;
		}
		var signature = this.store.signature();
		var found = new LinkedHashMap<Long, List<String>>();
		// a range of account ids at a time: each statement and each batch of pairs held
		// stays small whatever the number of accounts
		var ids = this.repository.accountIds();
		for (long after = ids[0] - 1; after < ids[1]; after += ID_RANGE) {
			for (var pair : this.repository.duplicateCandidates(HygieneScope.PROGRAM, after, after + ID_RANGE)) {
				CompanyMatcher.match(company(pair[0]), company(pair[1]))
					.map(Match::reason)
					.ifPresent(reason -> found.computeIfAbsent(pair[0].accountId(), a -> new ArrayList<>())
						.add("account " + pair[1].accountId() + " " + pair[1].name() + " (" + reason + ")"));
			}
		}
		var texts = new LinkedHashMap<Long, String>();
		found.forEach((account, reasons) -> texts.put(account, String.join("; ", reasons)));
		this.store.replace(texts, signature, this.clock.instant());
		return true;
	}

	/** Reads are in the caller's transaction; the recomputation has its own. */
	long count(HygieneScope scope) {
		ensureFresh();
		return this.store.count(scope);
	}

	PageResult<HygieneRecord> page(HygieneScope scope, PageRequest page) {
		ensureFresh();
		return new PageResult<>(this.store.page(scope, page), page.page(), page.size(), this.store.count(scope));
	}

	private boolean fresh() {
		return this.store.storedSignature().filter(this.store.signature()::equals).isPresent();
	}

	private static Company company(CustomerRecord account) {
		return account.company();
	}

}
