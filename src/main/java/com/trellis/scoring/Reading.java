package com.trellis.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a signal read for a partner as of a cut-off: a value in the signal's unit with the
 * reason a person would give for it, or unknown with the reason why.
 *
 * @param value the value, two decimals; null when unknown
 * @param reason the evidence behind the value, or why it is unknown
 */
record Reading(BigDecimal value, String reason) {

	static Reading of(double value, String reason) {
		return new Reading(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP), reason);
	}

	static Reading unknown(String reason) {
		return new Reading(null, reason);
	}

	boolean known() {
		return this.value != null;
	}

}
