package com.trellis.matching;

import java.util.function.LongConsumer;

/**
 * Keys by which two normalised names one slip of the keyboard apart in one word (a letter
 * replaced, added or dropped, or two neighbours swapped: what {@link CompanyMatcher}
 * takes for the same spelling) always meet: the whole name, and the name with one letter
 * dropped from one of its words of {@value CompanyMatcher#SLIP_WORD} letters or more. A
 * letter added to a word leaves the other name's whole name when dropped again; a letter
 * replaced, or two neighbours swapped, leave the same name once the letter (or one of the
 * two) is dropped from each. Two names sharing a key are at most one slip apart in two
 * places of one word, so a shared key only makes a candidate, for {@link BestMatch} to
 * decide.
 * <p>
 * Each key is a 64-bit hash of the name it stands for, computed without building that
 * name, so a million accounts' keys are computed and looked up in a second; two different
 * names sharing a hash only add a candidate that the matcher then rejects.
 */
public final class OneSlipKeys {

	private static final long BASE = 0x9E3779B97F4A7C15L;

	private OneSlipKeys() {
	}

	/** The key standing for the whole name. */
	public static final int WHOLE = 0;

	/** A key standing for the name less one letter of one of its longer words. */
	public static final int LESS_ONE = 1;

	/** A key standing for the name's first words (the name up to a space). */
	public static final int FIRST_WORDS = 2;

	/** Every key of a normalised name (none for null). */
	public static void forEach(String normalizedName, LongConsumer key) {
		forEach(normalizedName, false, (hash, kind) -> key.accept(hash));
	}

	/**
	 * Every key of a normalised name with its kind ({@link #WHOLE} first, then
	 * {@link #LESS_ONE}), and, when asked, the keys of the name's first words
	 * ({@link #FIRST_WORDS}: "zembrovia" for "zembrovia logistics"), which are the whole
	 * name keys of a name shortened by words at its end.
	 */
	public static void forEach(String normalizedName, boolean firstWords, Sink sink) {
		if (normalizedName == null || normalizedName.isEmpty()) {
			return;
		}
		int n = normalizedName.length();
		// prefix[k]: the hash of the first k letters; power[k]: BASE to the k-th
		var prefix = new long[n + 1];
		var power = n < POWERS.length ? POWERS : powers(n + 1);
		for (int i = 0; i < n; i++) {
			prefix[i + 1] = prefix[i] * BASE + normalizedName.charAt(i);
		}
		sink.key(prefix[n], WHOLE);
		int start = 0;
		while (start < n) {
			int end = normalizedName.indexOf(' ', start);
			end = end < 0 ? n : end;
			if (end - start >= CompanyMatcher.SLIP_WORD && !Character.isDigit(normalizedName.charAt(start))) {
				for (int at = start; at < end; at++) {
					// the name without the letter at "at": its head shifted past the tail
					long tail = prefix[n] - prefix[at + 1] * power[n - at - 1];
					sink.key(prefix[at] * power[n - at - 1] + tail, LESS_ONE);
				}
			}
			if (firstWords && end < n && end > 0) {
				sink.key(prefix[end], FIRST_WORDS);
			}
			start = end + 1;
		}
	}

	private static final long[] POWERS = powers(256);

	private static long[] powers(int count) {
		var power = new long[count];
		power[0] = 1;
		for (int i = 1; i < count; i++) {
			power[i] = power[i - 1] * BASE;
		}
		return power;
	}

	/** Receives a key and its kind. */
	@FunctionalInterface
	public interface Sink {

		void key(long key, int kind);

	}

}
