package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.shared.StoredFigures;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Whether a score's momentum is building, quietly stalling or steady: the slope of a
 * least-squares line through its last {@value #WEEKS} weekly values. A slope of at least
 * {@value #THRESHOLD} points a week (about 12 points over the 8 weeks) up is building, as
 * much down is stalling, provided the line explains the weeks: the slope's two-sided
 * t-test (Apache Commons Math) must give p &le; {@value #SIGNIFICANCE}, so a score that
 * only swings from week to week is steady rather than alerted on whichever way the last
 * swing went. Fewer than {@value #MINIMUM_KNOWN} known weeks is unknown.
 */
final class ScoreDrift {

	static final int WEEKS = 8;

	static final int MINIMUM_KNOWN = 6;

	static final double THRESHOLD = 1.5;

	static final double SIGNIFICANCE = 0.05;

	enum State {

		BUILDING, STALLING, STEADY, UNKNOWN

	}

	/** The decision, with the slope (points a week) and the reason. */
	record Decision(State state, double slope, String reason) {
	}

	private ScoreDrift() {
	}

	/**
	 * @param weekly the last weeks' values, oldest first (null: unknown that week)
	 */
	static Decision decide(List<BigDecimal> weekly) {
		var recent = weekly.subList(Math.max(0, weekly.size() - WEEKS), weekly.size());
		var line = new SimpleRegression();
		for (int i = 0; i < recent.size(); i++) {
			if (recent.get(i) != null) {
				line.addData(i, recent.get(i).doubleValue());
			}
		}
		if (line.getN() < MINIMUM_KNOWN) {
			return new Decision(State.UNKNOWN, Double.NaN, "only " + line.getN() + " of the last " + WEEKS
					+ " weeks have this score (" + MINIMUM_KNOWN + " needed)");
		}
		double slope = line.getSlope();
		var over = StoredFigures.signed(slope, 1) + " points a week over the last " + recent.size() + " weeks";
		double p = line.getSignificance();
		if (Math.abs(slope) >= THRESHOLD && p > SIGNIFICANCE) {
			return new Decision(State.STEADY, slope, "steady: " + over
					+ ", but the weeks swing too much for a trend (p = " + StoredFigures.number(p, 2) + ")");
		}
		if (slope >= THRESHOLD) {
			return new Decision(State.BUILDING, slope, "building: " + over);
		}
		if (slope <= -THRESHOLD) {
			return new Decision(State.STALLING, slope, "stalling: " + over);
		}
		return new Decision(State.STEADY, slope, "steady: " + over);
	}

}
