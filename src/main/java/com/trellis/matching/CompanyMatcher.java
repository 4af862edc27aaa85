package com.trellis.matching;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether two companies are the same, precision first. The same identity domain
 * (free-mail domains never are one) is a match; otherwise the transliterated, normalised
 * names must be equal, or have the same number of words with every word a near-identical
 * spelling. Two short words (up to {@value #SHORT_WORD} letters: "Acme" and "Acne",
 * "Data" and "Date") and words starting with a digit must be identical. A word of five
 * letters or more is spelt near-identically when it is one slip of the keyboard away (a
 * letter replaced, added, dropped, or two neighbours swapped), wherever the slip is, also
 * when the slip makes it a short word or a short word makes it one ("Water" and "Watr",
 * "Labs" and "Labss"); or, both words of five letters or more, when Jaro-Winkler rates
 * them close. Jaro-Winkler alone is not enough: it pairs a replaced letter with the same
 * letter a few places on and counts a swap, so "Dsufgnoxrp" and "Fsufgnoxrp" would rate
 * 0.88 while "Cyberdyne" and "Syberdyne" rate 0.93, and it rates one letter dropped from
 * a five-letter word below its threshold. Different companies that merely share a first
 * word do not match. A slip in a five-letter word sometimes makes another word ("Apple",
 * "Ample"): the conflict check holds such a registration for a person, and the decisions
 * that act without one ({@link BestMatch}) doubt a spelling that is not one slip in a
 * word of {@value #SLIP_WORD} letters or more ({@link SpellingOnly}).
 * <p>
 * A match is only {@linkplain Match.Confidence#POSSIBLE possible}, for a person to
 * confirm, when the countries differ, or when the names are merely close (one extends the
 * other, or a word is further off).
 */
public final class CompanyMatcher {

	static final double WORD_SIMILARITY = 0.92;

	/** Below this a word is too far off even for a possible match. */
	static final double POSSIBLE_WORD_SIMILARITY = 0.84;

	/** The score of two long words one slip of the keyboard apart, at least. */
	static final double ONE_SLIP = 0.95;

	/**
	 * Words from this length on are sure to be one spelling when one slip apart, for
	 * decisions without a person ({@link SpellingOnly}) and for a possible match
	 * ({@code onlyLongWordsDiffer}): in shorter ones a slip often makes another word
	 * ("Apple", "Ample").
	 */
	static final int SLIP_WORD = 6;

	/** Two words up to this length match only when identical. */
	public static final int SHORT_WORD = 4;

	/**
	 * Words up to this length, and words starting with a digit, are the same in every
	 * spelling the matcher takes for a name: one slip in a word of {@code SHORT_WORD + 1}
	 * letters or more leaves {@value #SHORT_WORD} at least. The other words,
	 * {@link #longWords}, may be spelt differently.
	 */
	public static final int FIXED_WORD = SHORT_WORD - 1;

	/**
	 * How similar by trigrams (PostgreSQL's {@code pg_trgm}) each long word of a name the
	 * matcher takes for another is at least, for the candidate searches that narrow by it
	 * (the conflict check's, a lead's): two neighbours swapped in a five-letter word
	 * ("abcde", "bacde") keep two of ten trigrams, 0.2.
	 */
	public static final double CANDIDATE_WORD_SIMILARITY = 0.15;

	private static final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

	private CompanyMatcher() {
	}

	/**
	 * The words of a normalised name that another spelling the matcher accepts may spell
	 * differently, in order: longer than {@link #FIXED_WORD} letters and not starting
	 * with a digit (the others are the same in both); the same as the database's
	 * {@code registration_lead_word} and {@code registration_second_word} take the first
	 * and second of (V168).
	 */
	public static java.util.List<String> longWords(String normalizedName) {
		var words = new java.util.ArrayList<String>();
		for (var word : normalizedName.split(" ")) {
			if (mayDiffer(word)) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * Whether another spelling the matcher accepts may write the word differently: longer
	 * than {@link #FIXED_WORD} letters and not starting with a digit.
	 */
	public static boolean mayDiffer(String word) {
		return word.length() > FIXED_WORD && !Character.isDigit(word.charAt(0));
	}

	/** Whether and how sure the two companies are one, or empty when they are not. */
	public static Optional<Match> compare(Company a, Company b) {
		var found = ignoringCountry(a, b);
		if (found.isPresent() && found.get().automatic() && a.country() != null && b.country() != null
				&& !a.country().equals(b.country())) {
			return Optional
				.of(found.get().possible("but the countries differ (%s, %s)".formatted(a.country(), b.country())));
		}
		return found;
	}

	/** An automatic match only: what conflict checks and data hygiene act on. */
	public static Optional<Match> match(Company a, Company b) {
		return compare(a, b).filter(Match::automatic);
	}

	/** How the names alone compare, whatever the domains say. */
	static Optional<Match> byName(Company a, Company b) {
		return compare(new Company(a.displayName(), null, a.normalizedName(), a.country()),
				new Company(b.displayName(), null, b.normalizedName(), b.country()));
	}

	private static Optional<Match> ignoringCountry(Company a, Company b) {
		if (a.identityDomain() != null && a.identityDomain().equals(b.identityDomain())) {
			return Optional.of(new Match(Match.Kind.DOMAIN, 1.0, Match.Confidence.AUTOMATIC,
					"same registrable domain " + a.identityDomain()));
		}
		var nameA = a.normalizedName();
		var nameB = b.normalizedName();
		if (nameA == null || nameB == null) {
			return Optional.empty();
		}
		if (nameA.equals(nameB)) {
			return Optional.of(new Match(Match.Kind.NAME, 1.0, Match.Confidence.AUTOMATIC,
					"same company name once case, accents, punctuation and legal suffixes are removed (\"" + nameA
							+ "\")"));
		}
		var wordsA = nameA.split(" ");
		var wordsB = nameB.split(" ");
		if (wordsA.length != wordsB.length) {
			return oneExtendsTheOther(wordsA, wordsB, nameA, nameB);
		}
		double lowest = 1.0;
		for (int i = 0; i < wordsA.length && lowest >= POSSIBLE_WORD_SIMILARITY; i++) {
			lowest = Math.min(lowest, wordScore(wordsA[i], wordsB[i]));
		}
		if (lowest >= WORD_SIMILARITY) {
			return Optional.of(new Match(Match.Kind.NAME, lowest, Match.Confidence.AUTOMATIC,
					"company names differ only by spelling (\"%s\" ~ \"%s\", %s)".formatted(nameA, nameB,
							similarity(lowest))));
		}
		if (lowest >= POSSIBLE_WORD_SIMILARITY && onlyLongWordsDiffer(wordsA, wordsB)) {
			return Optional.of(new Match(Match.Kind.NAME, lowest, Match.Confidence.POSSIBLE,
					"company names are close (\"%s\" ~ \"%s\", %s)".formatted(nameA, nameB, similarity(lowest))));
		}
		return Optional.empty();
	}

	/**
	 * A similarity in a reason: two decimals rounded half up with a point ("0.93"), the
	 * notation of the reason's sentence, whatever the JVM's default locale ({@code %.2f}
	 * wrote "0,93" on a German JVM).
	 */
	static String similarity(double score) {
		return java.math.BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static boolean onlyLongWordsDiffer(String[] wordsA, String[] wordsB) {
		for (int i = 0; i < wordsA.length; i++) {
			if (!wordsA[i].equals(wordsB[i]) && Math.min(wordsA[i].length(), wordsB[i].length()) < SLIP_WORD) {
				return false;
			}
		}
		return true;
	}

	/** One name is the other with words added ("Globex", "Globex Systems"): possible. */
	private static Optional<Match> oneExtendsTheOther(String[] wordsA, String[] wordsB, String nameA, String nameB) {
		var shorter = wordsA.length < wordsB.length ? wordsA : wordsB;
		var longer = wordsA.length < wordsB.length ? wordsB : wordsA;
		if (!Arrays.equals(shorter, Arrays.copyOf(longer, shorter.length))) {
			return Optional.empty();
		}
		return Optional
			.of(new Match(Match.Kind.NAME, (double) shorter.length / longer.length, Match.Confidence.POSSIBLE,
					"one company name extends the other (\"%s\", \"%s\")".formatted(nameA, nameB)));
	}

	private static double wordScore(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (Math.max(a.length(), b.length()) <= SHORT_WORD || a.isEmpty() || b.isEmpty()
				|| Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
			return 0.0;
		}
		if (oneSlipApart(a, b)) {
			return Math.max(similarity.apply(a, b), ONE_SLIP);
		}
		return Math.min(a.length(), b.length()) <= SHORT_WORD ? 0.0 : similarity.apply(a, b);
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

}
