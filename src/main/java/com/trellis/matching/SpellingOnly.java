package com.trellis.matching;

import java.util.Optional;

/**
 * Whether an automatic match of two names that are equal only by spelling (one slip of
 * the keyboard, or Jaro-Winkler close) is too weak to decide which account a company is.
 * In a list of a million accounts such a pair is as often two companies with look-alike
 * names as one company misspelt, so it is left to a person (a possible match) when
 * <ul>
 * <li>each company has its own web domain and the two differ ("Velfleyo" on velfleyo.io
 * and "Velfleor" on velfleor.com);</li>
 * <li>a word starts with another letter ("Babator Ventures" and "Kabator Ventures":
 * typing slips rarely hit a name's first letter, other names often differ there);</li>
 * <li>a word is not one slip of the keyboard away (in a word of six letters or more),
 * merely Jaro-Winkler close ("Wavoelxa" and "Wavovel", "Logistik" and "Logistics"; an
 * umlaut written out or not, "Bjoerk" and "Bjork", is no doubt): one person's slip
 * changes one letter, two different coined names often differ by two or three; or the
 * slip is in a word of five letters, or makes a four-letter word ("Apple" and "Ample",
 * "First" and "Fist"), which often makes another word;</li>
 * <li>another candidate has exactly the company's name (in another country, so not sure
 * itself): the name points at that account first ("Versablun" in Sweden, "Versablun" in
 * the Netherlands and "Versabno" in Sweden).</li>
 * </ul>
 * The pairwise matcher ({@link CompanyMatcher}) still takes such names for one company: a
 * registration conflict check holds them for a person.
 */
final class SpellingOnly {

	private SpellingOnly() {
	}

	/**
	 * Why the match is not sure enough to act on, or empty when it is;
	 * {@code exactNameElsewhere} tells whether another candidate has exactly the
	 * subject's normalised name.
	 */
	static Optional<String> doubt(Company subject, Company candidate, Match match, boolean exactNameElsewhere) {
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
		for (int i = 0; i < Math.min(words.length, others.length); i++) {
			if (!words[i].equals(others[i]) && !oneSlip(words[i], others[i])) {
				return Optional.of((CompanyMatcher.oneSlipApart(words[i], others[i])
						? "but \"%s\" and \"%s\" are one slip apart in a word of fewer than six letters, which often makes another word"
						: "but \"%s\" and \"%s\" are not one slip of the keyboard apart")
					.formatted(words[i], others[i]));
			}
		}
		if (exactNameElsewhere) {
			return Optional.of("but another account has exactly the name \"%s\"".formatted(subject.normalizedName()));
		}
		return Optional.empty();
	}

	/**
	 * One slip in a word long enough for one slip to be a slip, not another word; or the
	 * same word with an umlaut written out or not ("Bjoerk" for Björk, "Bjork").
	 */
	private static boolean oneSlip(String a, String b) {
		return Math.min(a.length(), b.length()) >= CompanyMatcher.SLIP_WORD && CompanyMatcher.oneSlipApart(a, b)
				|| umlautsPlain(a).equals(umlautsPlain(b));
	}

	private static String umlautsPlain(String word) {
		return word.replace("ae", "a").replace("oe", "o").replace("ue", "u");
	}

}
