package com.trellis.scoring;

import java.math.BigDecimal;

import com.trellis.shared.StoredFigures;

/**
 * How far one signal moved its score since the previous week, so that the signals' moves
 * always add up to the score's own move. A signal not counted in a week contributes no
 * points that week: one that became unknown moved the score by minus its previous points,
 * one that became known again by plus its new points, and the note says so.
 *
 * @param change the points moved, or null when the score's own move is unknown and the
 * signal was not counted in both weeks
 * @param note why the move is what it is when the signal was not counted in one of the
 * weeks, or null
 */
record PointsMove(BigDecimal change, String note) {

	/**
	 * @param scoreMoved whether the score's change is defined (both weeks' scores known)
	 * @param now this week's points (null: not counted)
	 * @param then the previous week's points (null: not counted)
	 */
	static PointsMove of(boolean scoreMoved, BigDecimal now, BigDecimal then) {
		if (now != null && then != null) {
			return new PointsMove(now.subtract(then), null);
		}
		if (!scoreMoved) {
			return new PointsMove(null, null);
		}
		if (now == null && then == null) {
			return new PointsMove(BigDecimal.ZERO.setScale(1), null);
		}
		if (now == null) {
			return new PointsMove(then.negate(),
					"Not counted this week: the " + StoredFigures.number(then) + " points it gave last week are gone");
		}
		return new PointsMove(now,
				"Counted again this week: it adds " + StoredFigures.number(now) + " points it did not give last week");
	}

}
