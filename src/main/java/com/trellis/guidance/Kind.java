package com.trellis.guidance;

/**
 * The kinds of recommendation, in their default order of importance, each with the
 * outcome it aims at ({@link Outcome}: an introduction a co-sell request, a partner fit
 * the partner on the deal, the others the partner's first new deal registration) and the
 * days after it was shown (or accepted) within which it counts, or 0 when the kind tracks
 * no outcome. A stalling intervention's outcome follows the intervention chosen
 * ({@link Intervention#outcome()}).
 */
public enum Kind {

	/** PAM: a high-potential partner to introduce to account executives. */
	INTRODUCE_TO_AES("Introduce to account executives", 30, Outcome.COSELL),
	/** PAM: a partner whose score is stalling, with the intervention for that score. */
	STALLING_INTERVENTION("Momentum stalling", 60, Outcome.REGISTRATION),
	/** Everyone: a registration whose protection ends soon. */
	EXPIRING_REGISTRATION("Registration expiring", 0, null),
	/** Everyone: a deal past its stage's norm. */
	STALLED_DEAL("Stalled deal", 0, null),
	/** AE: exit criteria of the deal's stage still open. */
	MISSING_EXIT_CRITERIA("Exit criteria open", 0, null),
	/** Partner: the next milestone of its activation plan. */
	ACTIVATION_MILESTONE("Next activation milestone", 30, Outcome.REGISTRATION),
	/** Partner: what the next tier still needs. */
	TIER_GAP("Next tier gap", 60, Outcome.REGISTRATION),
	/** Everyone: an early-stage deal whose customer lies outside the program's ICP. */
	ICP_MISMATCH("Outside the ideal customer profile", 0, null),
	/** Partner: use cases to prove with a won deal before asking for an introduction. */
	PROOF_POINTS("Proof points to attach", 0, null),
	/**
	 * AE: the partner that fits an open early or mid-stage deal without a partner best,
	 * from similar won deals and trust (module {@code fit}); its outcome is that partner
	 * attached to the deal or asked for co-sell help on it.
	 */
	PARTNER_FIT("Partner that fits the deal", 30, Outcome.DEAL_PARTNER);

	private final String label;

	private final int outcomeDays;

	private final Outcome outcome;

	Kind(String label, int outcomeDays, Outcome outcome) {
		this.label = label;
		this.outcomeDays = outcomeDays;
		this.outcome = outcome;
	}

	public String label() {
		return this.label;
	}

	/** Days within which the outcome counts; 0: none. */
	public int outcomeDays() {
		return this.outcomeDays;
	}

	/** The outcome the kind aims at by default; null when it tracks none. */
	public Outcome outcome() {
		return this.outcome;
	}

}
