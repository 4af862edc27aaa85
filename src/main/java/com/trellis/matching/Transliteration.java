package com.trellis.matching;

import com.ibm.icu.text.Transliterator;

/**
 * Spells a name in plain ASCII before it is compared, with ICU's maintained transforms:
 * German letters as Germans write them without umlauts (ü → ue, ß → ss), every other
 * script in Latin letters (Газпром → Gazprom), and the Latin letters a plain accent strip
 * misses (ø → o, æ → ae, ł → l, đ → d) folded. Names already in ASCII pass untouched.
 */
final class Transliteration {

	private static final Transliterator TO_ASCII = Transliterator.getInstance("de-ASCII; Any-Latin; Latin-ASCII");

	private Transliteration() {
	}

	static String toAscii(String text) {
		if (text.chars().allMatch(c -> c < 128)) {
			return text;
		}
		synchronized (TO_ASCII) {
			return TO_ASCII.transliterate(text);
		}
	}

}
