package com.trellis.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the one company among candidates (accounts) that a company (a lead's, a partner
 * list row's) is, precision first. A web domain only one candidate has decides; a web
 * domain several candidates share (14 accounts on {@code ashford.com}) does not: the name
 * decides among them. Without exactly one sure candidate there is no automatic match, and
 * the close candidates are offered as possible matches for a person to confirm or reject.
 * A name equal only by spelling is not sure when {@link SpellingOnly} doubts it (other
 * own web domains, a word with another first letter or more than one slip away, or
 * another candidate with exactly the name).
 */
public final class BestMatch {

	private BestMatch() {
	}

	public static <T> Decision<T> among(Company subject, List<Candidate<T>> candidates) {
		var sure = new ArrayList<Found<T>>();
		var possible = new ArrayList<Found<T>>();
		boolean exactName = subject.normalizedName() != null
				&& candidates.stream().anyMatch(c -> subject.normalizedName().equals(c.company().normalizedName()));
		for (var candidate : candidates) {
			CompanyMatcher.compare(subject, candidate.company())
				.map(match -> weighed(subject, candidate.company(), match, exactName))
				.ifPresent(match -> {
					(match.automatic() ? sure : possible).add(new Found<>(candidate.ref(), candidate.company(), match));
				});
		}
		var byDomain = sure.stream().filter(f -> f.match().kind() == Match.Kind.DOMAIN).toList();
		if (byDomain.size() == 1) {
			return Decision.of(byDomain.get(0), possible);
		}
		if (byDomain.size() > 1) {
			return sharedDomain(subject, byDomain, possible);
		}
		if (sure.size() == 1) {
			return Decision.of(sure.get(0), possible);
		}
		if (sure.size() > 1) {
			sure.addAll(possible);
			return new Decision<>(null, null, demoted(sure, "several match equally"),
					sure.size() + " candidates match the name equally; a person decides");
		}
		return new Decision<>(null, null, sorted(possible),
				possible.isEmpty() ? "no candidate matches" : "only possible matches; a person decides");
	}

	private static <T> Decision<T> sharedDomain(Company subject, List<Found<T>> byDomain, List<Found<T>> possible) {
		var domain = subject.identityDomain();
		var named = new ArrayList<Found<T>>();
		var others = new ArrayList<Found<T>>(possible);
		for (var found : byDomain) {
			var byName = CompanyMatcher.byName(subject, found.company())
				.map(match -> weighed(subject, found.company(), match, false));
			if (byName.isPresent() && byName.get().automatic()) {
				named.add(new Found<>(found.ref(), found.company(), byName.get()));
			}
			else {
				others.add(found);
			}
		}
		if (named.size() == 1) {
			var found = named.get(0);
			var match = new Match(Match.Kind.NAME, found.match().score(), Match.Confidence.AUTOMATIC,
					byDomain.size() + " candidates share the web domain " + domain + ", so the name decides: "
							+ found.match().reason());
			return Decision.of(new Found<>(found.ref(), found.company(), match), others);
		}
		others.addAll(named);
		return new Decision<>(null, null, demoted(others, "the shared web domain " + domain + " does not decide"),
				byDomain.size() + " candidates share the web domain " + domain + " and "
						+ (named.isEmpty() ? "none" : named.size()) + " of them has the name; a person decides");
	}

	/** A match by spelling alone that {@link SpellingOnly} doubts is only possible. */
	private static Match weighed(Company subject, Company candidate, Match match, boolean exactName) {
		return SpellingOnly.doubt(subject, candidate, match, exactName).map(match::possible).orElse(match);
	}

	private static <T> List<Found<T>> demoted(List<Found<T>> found, String why) {
		return sorted(found.stream()
			.map(f -> f.match().automatic() ? new Found<>(f.ref(), f.company(), f.match().possible(why)) : f)
			.toList());
	}

	private static <T> List<Found<T>> sorted(List<Found<T>> found) {
		return found.stream().sorted(Comparator.comparingDouble((Found<T> f) -> -f.match().score())).toList();
	}

	/** A candidate: what the caller knows it by, and the company it is. */
	public record Candidate<T>(T ref, Company company) {
	}

	/** A candidate found to match, and how. */
	public record Found<T>(T ref, Company company, Match match) {
	}

	/**
	 * The automatic match (null when none) with how it matched, the possible matches for
	 * a person, and why.
	 */
	public record Decision<T>(T match, Match how, List<Found<T>> possibles, String reason) {

		static <T> Decision<T> of(Found<T> found, List<Found<T>> possible) {
			return new Decision<>(found.ref(), found.match(), sorted(possible), found.match().reason());
		}

		public boolean matched() {
			return this.match != null;
		}

	}

}
