package com.trellis.guidance;

/**
 * The kinds of recommendation, in their default order of importance, each with the
 * outcome it aims at: the days after it was shown (or accepted) within which the
 * partner's first new deal registration counts as the outcome, or 0 when the kind tracks
 * no outcome.
 */
public enum Kind {

	/** PAM: a high-potential partner to introduce to account executives. */
	INTRODUCE_TO_AES("Introduce to account executives", 30),
	/** PAM: a partner whose score is stalling, with the intervention for that score. */
	STALLING_INTERVENTION("Momentum stalling", 60),
	/** Everyone: a registration whose protection ends soon. */
	EXPIRING_REGISTRATION("Registration expiring", 0),
	/** Everyone: a deal past its stage's norm. */
	STALLED_DEAL("Stalled deal", 0),
	/** AE: exit criteria of the deal's stage still open. */
	MISSING_EXIT_CRITERIA("Exit criteria open", 0),
	/** Partner: the next milestone of its activation plan. */
	ACTIVATION_MILESTONE("Next activation milestone", 30),
	/** Partner: what the next tier still needs. */
	TIER_GAP("Next tier gap", 60),
	/** Everyone: an early-stage deal whose customer lies outside the program's ICP. */
	ICP_MISMATCH("Outside the ideal customer profile", 0),
	/** Partner: use cases to prove with a won deal before asking for an introduction. */
	PROOF_POINTS("Proof points to attach", 0);

	private final String label;

	private final int outcomeDays;

	Kind(String label, int outcomeDays) {
		this.label = label;
		this.outcomeDays = outcomeDays;
	}

	public String label() {
		return this.label;
	}

	/** Days within which a new registration by the partner is the outcome; 0: none. */
	public int outcomeDays() {
		return this.outcomeDays;
	}

}
