package com.trellis.guidance;

/**
 * What a PAM can do for a partner whose momentum stalls, each with the outcome it aims
 * at: training and an incentive aim at a registration, an introduction to account
 * executives at a co-sell request.
 */
enum Intervention {

	TRAINING("Plan training", "training", Outcome.REGISTRATION),
	INCENTIVE("Offer an incentive", "an incentive", Outcome.REGISTRATION),
	INTRODUCTION("Arrange an introduction", "an introduction to account executives", Outcome.COSELL);

	private final String action;

	private final String words;

	private final Outcome outcome;

	Intervention(String action, String words, Outcome outcome) {
		this.action = action;
		this.words = words;
		this.outcome = outcome;
	}

	/** The title's verb phrase, "Plan training". */
	String action() {
		return this.action;
	}

	/** In a sentence, "an incentive". */
	String words() {
		return this.words;
	}

	Outcome outcome() {
		return this.outcome;
	}

}
