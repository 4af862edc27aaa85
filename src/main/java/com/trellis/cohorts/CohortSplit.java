package com.trellis.cohorts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The suggested split of partners into rule cohorts of {@value #MIN} to {@value #MAX}
 * similar partners. Partners are grouped by the full key (maturity band, main vertical,
 * delivery model); a group too small for a cohort is pooled with the others that share
 * the more important keys (band and vertical, then band alone, then everything left).
 * What remains too small at the end joins the smallest group; then every group over
 * {@value #MAX} is cut into equal parts of neighbouring readiness scores. So whenever
 * there are at least {@value #MIN} partners every cohort holds
 * {@value #MIN}–{@value #MAX}, and each says which keys its partners share.
 */
final class CohortSplit {

	static final int MIN = 10;

	static final int MAX = 25;

	/** A partner to place, with the keys it carries. */
	record Candidate(long partnerId, MaturityBand band, String vertical, String model, BigDecimal readiness) {
	}

	/** A suggested cohort: its stable key, its name, why its partners are together. */
	record Group(String key, String name, String basis, List<Long> partnerIds) {
	}

	private record Bucket(String key, String name, String basis, List<Candidate> members) {
	}

	private CohortSplit() {
	}

	static List<Group> suggest(List<Candidate> candidates) {
		var cohorts = new ArrayList<Bucket>();
		var left = pool(candidates, c -> c.band() + "|" + c.vertical() + "|" + c.model(),
				c -> c.band().label() + " · " + c.vertical() + " · " + c.model(),
				"share maturity band, main vertical and delivery model", cohorts);
		left = pool(left, c -> c.band() + "|" + c.vertical() + "|*", c -> c.band().label() + " · " + c.vertical(),
				"share maturity band and main vertical (delivery models pooled: too few for a cohort each)", cohorts);
		left = pool(left, c -> c.band() + "|*|*", c -> c.band().label() + " · mixed verticals",
				"share maturity band (verticals pooled: too few for a cohort each)", cohorts);
		left = pool(left, c -> "*|*|*", c -> "Mixed", "pooled: too few partners left in any band for a cohort",
				cohorts);
		if (!left.isEmpty()) {
			if (cohorts.isEmpty()) {
				cohorts.add(new Bucket("*|*|*", "All partners",
						"all " + left.size() + " partners: fewer than " + MIN + " in the program", left));
			}
			else {
				var smallest = cohorts.stream().min(Comparator.comparingInt((Bucket b) -> b.members().size())).get();
				cohorts.remove(smallest);
				var merged = new ArrayList<>(smallest.members());
				merged.addAll(left);
				cohorts.add(new Bucket(smallest.key(), smallest.name(),
						smallest.basis() + "; joined by " + left.size() + " partners left over", merged));
			}
		}
		return cohorts.stream()
			.flatMap(b -> cut(b.key(), b.name(), b.basis(), b.members()).stream())
			.map(b -> new Group(b.key(), b.name(), b.basis(),
					b.members().stream().map(Candidate::partnerId).sorted().toList()))
			.sorted(Comparator.comparing(Group::key))
			.toList();
	}

	/**
	 * Groups the candidates by key; groups of at least {@value #MIN} become cohorts (cut
	 * at the end when too large), the rest is returned for the next, coarser pooling.
	 */
	private static List<Candidate> pool(List<Candidate> candidates, Function<Candidate, String> key,
			Function<Candidate, String> name, String basis, List<Bucket> cohorts) {
		Map<String, List<Candidate>> groups = new TreeMap<>();
		for (var candidate : candidates) {
			groups.computeIfAbsent(key.apply(candidate), k -> new ArrayList<>()).add(candidate);
		}
		var left = new ArrayList<Candidate>();
		groups.forEach((k, members) -> {
			if (members.size() >= MIN) {
				cohorts.add(new Bucket(k, name.apply(members.get(0)), members.size() + " partners " + basis, members));
			}
			else {
				left.addAll(members);
			}
		});
		return left;
	}

	/**
	 * One cohort, or equal parts of neighbouring readiness scores when there are more
	 * than {@value #MAX}.
	 */
	private static List<Bucket> cut(String key, String name, String basis, List<Candidate> members) {
		int parts = (members.size() + MAX - 1) / MAX;
		if (parts <= 1) {
			return List.of(new Bucket(key, name, basis, members));
		}
		var sorted = new ArrayList<>(members);
		sorted.sort(
				Comparator.comparing(Candidate::readiness, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
					.thenComparingLong(Candidate::partnerId));
		var result = new ArrayList<Bucket>();
		int from = 0;
		for (int part = 1; part <= parts; part++) {
			int to = (int) ((long) sorted.size() * part / parts);
			result.add(new Bucket(key + "#" + part, name + " (" + part + " of " + parts + ")",
					basis + "; cut by readiness score into " + parts + " groups of similar readiness",
					List.copyOf(sorted.subList(from, to))));
			from = to;
		}
		return result;
	}

}
