package com.trellis.registration;

import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether two customers are the same, precision first: the same registrable
 * domain is a match; otherwise the normalised names must be equal, or have the same
 * number of words with every word a near-identical spelling (short words must be
 * identical). Different companies that merely share a first word do not match.
 */
final class CustomerMatcher {

	static final double WORD_SIMILARITY = 0.92;

	/** Words up to this length match only when identical. */
	static final int SHORT_WORD = 4;

	private static final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

	private CustomerMatcher() {
	}

	static Optional<Match> match(Customer candidate, Customer registered) {
		if (candidate.registrableDomain() != null
				&& candidate.registrableDomain().equals(registered.registrableDomain())) {
			return Optional
				.of(new Match(MatchKind.DOMAIN, 1.0, "same registrable domain " + candidate.registrableDomain()));
		}
		var a = candidate.normalizedName();
		var b = registered.normalizedName();
		if (a == null || b == null) {
			return Optional.empty();
		}
		if (a.equals(b)) {
			return Optional.of(new Match(MatchKind.NAME, 1.0,
					"same company name once case, accents, punctuation and legal suffixes are removed (\"" + a
							+ "\")"));
		}
		var wordsA = a.split(" ");
		var wordsB = b.split(" ");
		if (wordsA.length != wordsB.length) {
			return Optional.empty();
		}
		double lowest = 1.0;
		for (int i = 0; i < wordsA.length; i++) {
			double score = wordScore(wordsA[i], wordsB[i]);
			if (score < WORD_SIMILARITY) {
				return Optional.empty();
			}
			lowest = Math.min(lowest, score);
		}
		return Optional.of(new Match(MatchKind.NAME, lowest,
				"company names differ only by spelling (\"%s\" ~ \"%s\", %.2f)".formatted(a, b, lowest)));
	}

	private static double wordScore(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (a.length() <= SHORT_WORD || b.length() <= SHORT_WORD || Character.isDigit(a.charAt(0))
				|| Character.isDigit(b.charAt(0))) {
			return 0.0;
		}
		return similarity.apply(a, b);
	}

	enum MatchKind {

		DOMAIN, NAME

	}

	record Match(MatchKind kind, double score, String reason) {
	}

}
