package com.trellis.deals;

import java.time.Duration;
import java.time.Instant;

/**
 * When a deal is stalled: longer in its stage than the stage's norm, counted in whole
 * days (24 hours) since it entered the stage, as the days in stage are shown. A deal at
 * the norm — exactly, or the norm's days and some hours — is on time; one a whole day
 * past it is stalled. Every list and page that calls a deal stalled uses this one
 * boundary.
 */
public final class StageNorm {

	private StageNorm() {
	}

	/** Whether a deal this long in its stage is past a norm of {@code normDays}. */
	public static boolean stalled(Duration inStage, int normDays) {
		return inStage.toDays() > normDays;
	}

	/**
	 * The latest moment a deal may have entered its stage to be stalled at {@code now}:
	 * the norm's days and one more before it (a deal entered at this moment or before).
	 */
	public static Instant stalledIfEnteredBy(Instant now, int normDays) {
		return now.minus(Duration.ofDays(normDays + 1L));
	}

}
