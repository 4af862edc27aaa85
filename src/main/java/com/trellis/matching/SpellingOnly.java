package com.trellis.matching;

import java.util.Optional;

/**
 * Whether an automatic match of two names that are equal only by spelling (one slip of
 * the keyboard, or Jaro-Winkler close) is too weak to decide which account a company is.
 * In a list of a million accounts such a pair is as often two companies with look-alike
 * names as one company misspelt, so it is left to a person (a possible match) when each
 * company has its own web domain and the two differ ("Velfleyo" on velfleyo.io and
 * "Velfleor" on velfleor.com), or when a word starts with another letter ("Babator
 * Ventures" and "Kabator Ventures": typing slips rarely hit a name's first letter, other
 * names often differ there). The pairwise matcher ({@link CompanyMatcher}) still takes
 * such names for one company: a registration conflict check holds them for a person.
 */
final class SpellingOnly {

	private SpellingOnly() {
	}

	/** Why the match is not sure enough to act on, or empty when it is. */
	static Optional<String> doubt(Company subject, Company candidate, Match match) {
		if (!match.automatic() || match.kind() != Match.Kind.NAME || subject.normalizedName() == null
				|| candidate.normalizedName() == null || subject.normalizedName().equals(candidate.normalizedName())) {
			return Optional.empty();
		}
		if (subject.identityDomain() != null && candidate.identityDomain() != null
				&& !subject.identityDomain().equals(candidate.identityDomain())) {
			return Optional.of("but the names differ in spelling and their web domains differ (%s, %s)"
				.formatted(subject.identityDomain(), candidate.identityDomain()));
		}
		var words = subject.normalizedName().split(" ");
		var others = candidate.normalizedName().split(" ");
		for (int i = 0; i < Math.min(words.length, others.length); i++) {
			if (words[i].charAt(0) != others[i].charAt(0)) {
				return Optional.of("but \"%s\" and \"%s\" start with different letters".formatted(words[i], others[i]));
			}
		}
		return Optional.empty();
	}

}
