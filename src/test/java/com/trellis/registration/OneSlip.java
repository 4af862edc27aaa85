package com.trellis.registration;

import java.util.ArrayList;
import java.util.Random;

/**
 * Random normalised names and the same name with one slip of the keyboard in one word of
 * five letters or more, for the property tests of the conflict check: a letter dropped (a
 * five-letter word becomes a four-letter one), added (also to a four-letter word, which
 * then is the five-letter word one letter short), replaced by another, or two different
 * neighbours swapped. Words of two to twelve lower-case letters, often of four and five,
 * with a number now and then, one to four words.
 */
final class OneSlip {

	private static final int[] LENGTHS = { 2, 3, 4, 4, 4, 5, 5, 5, 6, 7, 8, 9, 12 };

	private OneSlip() {
	}

	/**
	 * A name and its slipped spelling; {@code acrossTheBoundary} when the slipped word
	 * has four letters in one of them and five in the other.
	 */
	record Pair(String original, String slipped, boolean acrossTheBoundary) {
	}

	static Pair pair(Random random) {
		var words = new ArrayList<String>();
		int count = 1 + random.nextInt(4);
		for (int w = 0; w < count; w++) {
			words.add(random.nextInt(12) == 0 ? Integer.toString(1 + random.nextInt(99))
					: word(random, LENGTHS[random.nextInt(LENGTHS.length)]));
		}
		int kind = random.nextInt(5);
		var slippable = new ArrayList<Integer>();
		for (int w = 0; w < words.size(); w++) {
			var word = words.get(w);
			boolean letters = Character.isLetter(word.charAt(0));
			if (letters && (kind == 4 ? word.length() == 4 : word.length() >= 5)) {
				slippable.add(w);
			}
		}
		if (slippable.isEmpty()) {
			int at = random.nextInt(words.size());
			words.set(at, word(random, kind == 4 ? 4 : 5 + random.nextInt(4)));
			slippable.add(at);
		}
		int at = slippable.get(random.nextInt(slippable.size()));
		var word = words.get(at);
		var slipped = slip(word, kind, random);
		var original = String.join(" ", words);
		words.set(at, slipped);
		boolean across = Math.min(word.length(), slipped.length()) == 4
				&& Math.max(word.length(), slipped.length()) == 5;
		return new Pair(original, String.join(" ", words), across);
	}

	/**
	 * The word with one slip: 0 a letter replaced, 1 dropped, 2 or 4 added, 3 two
	 * different neighbours swapped.
	 */
	private static String slip(String word, int kind, Random random) {
		var chars = new StringBuilder(word);
		int at = random.nextInt(word.length());
		switch (kind) {
			case 0 -> chars.setCharAt(at, other(word.charAt(at), random));
			case 1 -> chars.deleteCharAt(at);
			case 3 -> {
				var pairs = new ArrayList<Integer>();
				for (int i = 0; i + 1 < word.length(); i++) {
					if (word.charAt(i) != word.charAt(i + 1)) {
						pairs.add(i);
					}
				}
				if (pairs.isEmpty()) {
					chars.setCharAt(at, other(word.charAt(at), random));
				}
				else {
					at = pairs.get(random.nextInt(pairs.size()));
					chars.setCharAt(at, word.charAt(at + 1));
					chars.setCharAt(at + 1, word.charAt(at));
				}
			}
			default -> chars.insert(random.nextInt(word.length() + 1), letter(random));
		}
		return chars.toString();
	}

	private static String word(Random random, int length) {
		var word = new StringBuilder();
		for (int c = 0; c < length; c++) {
			word.append(letter(random));
		}
		return word.toString();
	}

	private static char letter(Random random) {
		return (char) ('a' + random.nextInt(26));
	}

	private static char other(char letter, Random random) {
		return (char) ('a' + (letter - 'a' + 1 + random.nextInt(25)) % 26);
	}

}
