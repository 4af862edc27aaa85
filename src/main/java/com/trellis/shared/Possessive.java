package com.trellis.shared;

/**
 * A name in the possessive as a sentence written in code reads it: "Nordwind's", and
 * "Polar Forge Associates'" for a name ending in s (try71b: "Associates's").
 */
public final class Possessive {

	private Possessive() {
	}

	public static String of(String name) {
		return name.endsWith("s") || name.endsWith("S") ? name + "'" : name + "'s";
	}

}
