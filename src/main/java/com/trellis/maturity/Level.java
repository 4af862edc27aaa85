package com.trellis.maturity;

/**
 * The five maturity levels, named as partnership teams name the stages of an ecosystem
 * motion, each with the lowest score (0–100) that reaches it.
 */
public enum Level {

	AD_HOC(1, "Ad hoc", 0), DEVELOPING(2, "Developing", 20), REPEATABLE(3, "Repeatable", 40), SCALED(4, "Scaled", 60),
	ECOSYSTEM_LED(5, "Ecosystem-led", 80);

	private final int number;

	private final String label;

	private final int from;

	Level(int number, String label, int from) {
		this.number = number;
		this.label = label;
		this.from = from;
	}

	public int number() {
		return this.number;
	}

	public String label() {
		return this.label;
	}

	/** The lowest score of the level. */
	public int from() {
		return this.from;
	}

	/** The highest whole score of the level. */
	public int to() {
		return this == ECOSYSTEM_LED ? 100 : values()[ordinal() + 1].from - 1;
	}

	public static Level of(int number) {
		for (var level : values()) {
			if (level.number == number) {
				return level;
			}
		}
		throw new IllegalArgumentException("No maturity level " + number);
	}

}
