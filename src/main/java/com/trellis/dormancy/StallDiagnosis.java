package com.trellis.dormancy;

import java.util.ArrayList;

/**
 * Diagnoses why a partner stalled, from evidence in the records, in this order: fit (its
 * registrations are rejected or its deals lost), training (nobody finished a track),
 * incentive (no earnings and no program it takes part in), or unknown.
 */
final class StallDiagnosis {

	static final int FIT_THRESHOLD = 2;

	private StallDiagnosis() {
	}

	static Diagnosis diagnose(Evidence evidence) {
		if (evidence.rejectedOrLost() >= FIT_THRESHOLD && evidence.won() == 0) {
			return new Diagnosis(Cause.FIT, evidence.rejectedOrLost()
					+ " registrations rejected or deals lost in the last 180 days and none won");
		}
		if (evidence.usersWithTrack() > 0 && evidence.usersTrackComplete() == 0) {
			return new Diagnosis(Cause.TRAINING,
					"none of its " + evidence.usersWithTrack() + " users with a role has completed their track");
		}
		if (evidence.incentiveKnown() && !evidence.hasEarnings()) {
			return new Diagnosis(Cause.INCENTIVE, "no incentive earnings: no path to reward");
		}
		var seen = new ArrayList<String>();
		seen.add(evidence.rejectedOrLost() + " rejected or lost, " + evidence.won() + " won in 180 days");
		seen.add(evidence.usersTrackComplete() + " of " + evidence.usersWithTrack() + " users through their track");
		if (!evidence.incentiveKnown()) {
			seen.add("incentive data not available yet");
		}
		return new Diagnosis(Cause.UNKNOWN, "no clear cause: " + String.join("; ", seen));
	}

	/**
	 * @param rejectedOrLost registrations rejected plus deals lost in the last 180 days
	 * @param won deals won in the last 180 days
	 * @param usersWithTrack partner users with a track role
	 * @param usersTrackComplete of those, how many completed their track
	 * @param incentiveKnown whether incentive data exists in this installation
	 * @param hasEarnings whether the partner earned any incentive
	 */
	record Evidence(long rejectedOrLost, long won, long usersWithTrack, long usersTrackComplete, boolean incentiveKnown,
			boolean hasEarnings) {
	}

	enum Cause {

		FIT, TRAINING, INCENTIVE, UNKNOWN

	}

	record Diagnosis(Cause cause, String evidence) {
	}

}
