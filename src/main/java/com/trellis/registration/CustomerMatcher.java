package com.trellis.registration;

import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether two customers are the same, precision first: the same registrable
 * domain is a match; otherwise the normalised names must be equal, or have the same
 * number of words with every word a near-identical spelling (short words must be
 * identical). A word of six letters or more is spelt near-identically when it is one slip
 * of the keyboard away (a letter replaced, added, dropped, or two neighbours swapped),
 * wherever the slip is, or when Jaro-Winkler rates it close. Jaro-Winkler alone is not
 * enough: it pairs a replaced letter with the same letter a few places on and counts a
 * swap, so "Dsufgnoxrp" and "Fsufgnoxrp" would rate 0.88 while "Cyberdyne" and
 * "Syberdyne" rate 0.93. Different companies that merely share a first word do not match.
 */
final class CustomerMatcher {

	static final double WORD_SIMILARITY = 0.92;

	/** The score of two long words one slip of the keyboard apart, at least. */
	static final double ONE_SLIP = 0.95;

	/**
	 * Words from this length on are the same spelling one slip apart: in shorter ones a
	 * slip makes another word ("Apple", "Ample").
	 */
	static final int SLIP_WORD = 6;

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
		double score = similarity.apply(a, b);
		boolean slippable = Math.min(a.length(), b.length()) >= SLIP_WORD;
		return slippable && oneSlipApart(a, b) ? Math.max(score, ONE_SLIP) : score;
	}

	/**
	 * Whether one letter replaced, added or dropped, or two neighbouring letters swapped,
	 * turn one word into the other.
	 */
	static boolean oneSlipApart(String a, String b) {
		if (a.length() < b.length()) {
			return oneSlipApart(b, a);
		}
		if (a.length() - b.length() > 1) {
			return false;
		}
		int i = 0;
		while (i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (a.length() > b.length()) {
			return a.substring(i + 1).equals(b.substring(i));
		}
		if (i == a.length()) {
			return true;
		}
		if (a.substring(i + 1).equals(b.substring(i + 1))) {
			return true;
		}
		return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
				&& a.substring(i + 2).equals(b.substring(i + 2));
	}

	enum MatchKind {

		DOMAIN, NAME

	}

	record Match(MatchKind kind, double score, String reason) {
	}

}
