package com.trellis.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each company's candidate accounts (by the company's index in the list), gathered from
 * the readers of one pass ({@link ListNeighbours}): {@code first} the accounts with its
 * registrable domain or its normalised name, {@code further} those one slip apart in one
 * word, those whose name extends the company's by words (the first {@code limit} in name
 * order, as the byte-ordered name index would give them) and those whose name is the
 * company's first words. No account appears twice in one company's list.
 */
record ListCandidates(List<List<CustomerRecord>> first, List<List<CustomerRecord>> further) {

	static ListCandidates of(ListNeighbours neighbours, List<ListNeighbours.Reader> readers, int limit) {
		int size = neighbours.companies.size();
		var first = empty(size);
		var further = empty(size);
		var extensions = new HashMap<Integer, List<CustomerRecord>>();
		for (var reader : readers) {
			for (var met : reader.met) {
				switch (met.kind()) {
					case SAME_DOMAIN -> add(first, met.target(), met.account());
					case SAME_NAME -> bearers(neighbours, met, first);
					case ONE_SLIP, SHORTENED -> bearers(neighbours, met, further);
					case EXTENDED ->
						extensions.computeIfAbsent(met.target(), n -> new ArrayList<>()).add(met.account());
				}
			}
		}
		for (Map.Entry<Integer, List<CustomerRecord>> name : extensions.entrySet()) {
			var closest = name.getValue()
				.stream()
				.sorted(Comparator.comparing(CustomerRecord::normalizedName).thenComparing(CustomerRecord::accountId))
				.limit(limit)
				.toList();
			for (int company : neighbours.bearers.get(name.getKey())) {
				closest.forEach(account -> add(further, company, account));
			}
		}
		return new ListCandidates(first, further);
	}

	private static void bearers(ListNeighbours neighbours, ListNeighbours.Met met, List<List<CustomerRecord>> into) {
		for (int company : neighbours.bearers.get(met.target())) {
			add(into, company, met.account());
		}
	}

	private static void add(List<List<CustomerRecord>> into, int company, CustomerRecord account) {
		var found = into.get(company);
		for (var known : found) {
			if (known.accountId() == account.accountId()) {
				return;
			}
		}
		found.add(account);
	}

	private static List<List<CustomerRecord>> empty(int size) {
		var lists = new ArrayList<List<CustomerRecord>>(size);
		for (int i = 0; i < size; i++) {
			lists.add(new ArrayList<>(2));
		}
		return lists;
	}

}
