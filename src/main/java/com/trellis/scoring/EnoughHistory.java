package com.trellis.scoring;

import com.trellis.shared.StoredFigures;

/**
 * Decides whether the program's own outcomes are enough to learn a score's weights from,
 * with the reason. Enough means: outcomes of at least {@value #MINIMUM_CUTOFFS} past
 * cut-offs whose 180 days are over, at least {@value #MINIMUM_ROWS} partner-periods, and
 * at least {@value #EVENTS_PER_FEATURE} of the rarer outcome (partners that did or did
 * not create the pipeline) per signal in the score, the usual rule of thumb for a
 * logistic regression that does not over-fit. Otherwise the score keeps the default
 * rubric, and the reason is shown with it.
 */
final class EnoughHistory {

	static final int MINIMUM_CUTOFFS = 2;

	static final int MINIMUM_ROWS = 100;

	static final int EVENTS_PER_FEATURE = 10;

	/** The decision: enough or not, and why. */
	record Verdict(boolean enough, String reason) {
	}

	private EnoughHistory() {
	}

	static Verdict decide(int cutoffs, int rows, int positives, int features) {
		int rarer = Math.min(positives, rows - positives);
		int needed = EVENTS_PER_FEATURE * features;
		var seen = cutoffs + " past cut-off" + (cutoffs == 1 ? "" : "s") + ", " + StoredFigures.count(rows)
				+ " partner-periods, " + StoredFigures.count(positives) + " with and "
				+ StoredFigures.count(rows - positives) + " without the pipeline";
		if (cutoffs < MINIMUM_CUTOFFS) {
			return new Verdict(false, "too little history to learn from: " + seen + " (" + MINIMUM_CUTOFFS
					+ " cut-offs with their 180 days over needed)");
		}
		if (rows < MINIMUM_ROWS) {
			return new Verdict(false,
					"too little history to learn from: " + seen + " (" + MINIMUM_ROWS + " partner-periods needed)");
		}
		if (rarer < needed) {
			return new Verdict(false, "too little history to learn from: " + seen + " (" + needed
					+ " of the rarer outcome needed, " + EVENTS_PER_FEATURE + " per signal)");
		}
		return new Verdict(true, "learned from " + seen);
	}

}
