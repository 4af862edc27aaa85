package com.trellis.guidance;

/**
 * The outcome a recommendation about a partner aims at, looked for after it was shown (or
 * accepted) and within its kind's window.
 */
public enum Outcome {

	/** The partner's first new deal registration. */
	REGISTRATION("a deal registration"),
	/** The first co-sell request to the partner, by anyone on any deal. */
	COSELL("a co-sell request"),
	/**
	 * The partner put on the recommendation's deal, or asked for co-sell help on that
	 * deal, whichever comes first.
	 */
	DEAL_PARTNER("the partner on the deal (attached or asked for co-sell help)");

	private final String words;

	Outcome(String words) {
		this.words = words;
	}

	/** The outcome in words, "a co-sell request". */
	public String words() {
		return this.words;
	}

}
