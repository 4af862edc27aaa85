package com.trellis.accounts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Many companies (a partner's list, 100,000 rows) matched at once: candidates found in
 * one pass over the accounts ({@link AccountCandidates}) — each company decided first
 * among the accounts with its registrable domain or normalised name, then, only when that
 * gave no sure match, also among names one slip of the keyboard apart in one word (slip
 * keys) and names extended or shortened by whole words (possible matches) — each decided
 * by {@link BestMatch} as one company alone. Where the one-company search
 * ({@link Accounts#customerCandidates}, trigram) differs: two misspelt words in one name
 * are not found, and a name extended by more than {@value #EXTENSIONS} accounts offers
 * the first in name order, not the closest. Each phase's time is logged for lists of
 * {@value #LOGGED} companies or more.
 */
@Component
class ListMatching {

	/** Accounts whose names extend a company's name, at most, offered as possible. */
	static final int EXTENSIONS = 20;

	/** Lists from this size on have their phase times logged. */
	static final int LOGGED = 1_000;

	private static final Logger log = LoggerFactory.getLogger(ListMatching.class);

	private final AccountCandidates candidates;

	ListMatching(AccountCandidates candidates) {
		this.candidates = candidates;
	}

	/**
	 * The caller's transaction must be active (every part of the pass reads its
	 * snapshot).
	 */
	List<BestMatch.Decision<Long>> matchAll(List<Company> companies, Map<Integer, Set<Long>> notThese) {
		var clock = new Phases();
		var found = this.candidates.find(companies, EXTENSIONS);
		clock.lap("one pass over the accounts");
		var first = found.first();
		var decisions = new ArrayList<>(decide(companies, first, notThese, IntStream.range(0, companies.size())));
		clock.lap("decide");
		var unsure = IntStream.range(0, companies.size())
			.filter(i -> !decisions.get(i).matched() && companies.get(i).normalizedName() != null)
			.boxed()
			.toList();
		for (int i : unsure) {
			var known = new HashSet<Long>();
			first.get(i).forEach(c -> known.add(c.accountId()));
			found.further().get(i).stream().filter(c -> known.add(c.accountId())).forEach(first.get(i)::add);
		}
		var second = decide(companies, first, notThese, unsure.stream().mapToInt(Integer::intValue));
		for (int j = 0; j < unsure.size(); j++) {
			decisions.set(unsure.get(j), second.get(j));
		}
		clock.lap("decide the unsure");
		if (companies.size() >= LOGGED || log.isDebugEnabled()) {
			long weighed = unsure.stream().mapToLong(i -> first.get(i).size()).sum();
			log.info("matched {} companies ({} without a sure match by domain or name, {} candidates weighed for them):"
					+ " {}", companies.size(), unsure.size(), weighed, clock);
		}
		return decisions;
	}

	private static List<BestMatch.Decision<Long>> decide(List<Company> companies, List<List<CustomerRecord>> found,
			Map<Integer, Set<Long>> notThese, IntStream which) {
		return which.parallel()
			.mapToObj(i -> BestMatch.among(companies.get(i),
					found.get(i)
						.stream()
						.filter(c -> !notThese.getOrDefault(i, Set.of()).contains(c.accountId()))
						.map(c -> new BestMatch.Candidate<>(c.accountId(), c.company()))
						.toList()))
			.toList();
	}

	/** Seconds per phase, for the log. */
	private static final class Phases {

		private final StringBuilder text = new StringBuilder();

		private long last = System.nanoTime();

		void lap(String phase) {
			long now = System.nanoTime();
			this.text.append(this.text.isEmpty() ? "" : ", ")
				.append(phase)
				.append(' ')
				.append(String.format(java.util.Locale.ROOT, "%.2f s", (now - this.last) / 1e9));
			this.last = now;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
