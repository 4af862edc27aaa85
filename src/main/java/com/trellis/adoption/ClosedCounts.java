package com.trellis.adoption;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.Percent;

/**
 * The deals closed in a period behind a rep's or a team's win rates and cycle times, with
 * a partner on the deal and without: won, closed (won or lost) and the summed cycle of
 * the won ones in days (created to closed, from the rep facts' {@code
 * won_cycle_days}). A team's counts are its reps' counts added up, so a team's rates are
 * the rates of all its closed deals, not an average of its reps' rates.
 */
public record ClosedCounts(long wonWithPartner, long closedWithPartner, BigDecimal wonCycleDaysWithPartner,
		long wonWithout, long closedWithout, BigDecimal wonCycleDaysWithout) {

	static final ClosedCounts NONE = new ClosedCounts(0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

	ClosedCounts plus(ClosedCounts other) {
		return new ClosedCounts(this.wonWithPartner + other.wonWithPartner,
				this.closedWithPartner + other.closedWithPartner,
				this.wonCycleDaysWithPartner.add(other.wonCycleDaysWithPartner), this.wonWithout + other.wonWithout,
				this.closedWithout + other.closedWithout, this.wonCycleDaysWithout.add(other.wonCycleDaysWithout));
	}

	/** Won of closed with a partner, in percent at one decimal; null when none closed. */
	BigDecimal winRateWithPartner() {
		return Percent.of(BigDecimal.valueOf(this.wonWithPartner), BigDecimal.valueOf(this.closedWithPartner));
	}

	/** Won of closed without a partner, in percent; null when none closed. */
	BigDecimal winRateWithout() {
		return Percent.of(BigDecimal.valueOf(this.wonWithout), BigDecimal.valueOf(this.closedWithout));
	}

	/** Mean days from created to won with a partner, one decimal; null when none won. */
	BigDecimal cycleDaysWithPartner() {
		return meanDays(this.wonCycleDaysWithPartner, this.wonWithPartner);
	}

	/** Mean days from created to won without a partner; null when none won. */
	BigDecimal cycleDaysWithout() {
		return meanDays(this.wonCycleDaysWithout, this.wonWithout);
	}

	private static BigDecimal meanDays(BigDecimal days, long won) {
		return won == 0 ? null : days.divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP);
	}

}
