package com.trellis.guidance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.StoredFigures;

/**
 * Whether a kind of recommendation helps, from the program's own outcomes: how often it
 * is accepted, and how often the outcome it aims at followed an accepted one against one
 * shown and not acted on (open, snoozed or dismissed), each counted once its outcome
 * window has closed or the outcome happened. A kind is ranked down when, with at least
 * {@value #MIN_DECIDED} decided recommendations on both sides, accepting it does not
 * raise the outcome rate (lift of zero or less), or when, after {@value #MIN_SHOWN} that
 * have had their chance, fewer than one in ten is accepted. A recommendation has had its
 * chance once decided (accepted or dismissed) or shown at least {@value #DAYS_TO_ACT}
 * days ago; one shown today is not yet "not acted on", so a fresh program is not ranked
 * down on its first day. Below those counts the rule-based default order stands, and the
 * reason says so.
 */
final class Usefulness {

	static final int MIN_DECIDED = 10;

	static final int MIN_SHOWN = 20;

	/**
	 * Days an open or snoozed recommendation has to act on it before it counts as not
	 * acted on (two working weeks).
	 */
	static final int DAYS_TO_ACT = 14;

	private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

	private Usefulness() {
	}

	/**
	 * The counts of one kind.
	 *
	 * @param shown recommendations generated
	 * @param accepted of them accepted
	 * @param weighed of them the ones that have had their chance: decided, or shown at
	 * least {@value #DAYS_TO_ACT} days ago (the acceptance rate's base)
	 * @param acceptedDecided accepted ones whose outcome is known (met, or window closed)
	 * @param acceptedMet accepted ones whose outcome followed
	 * @param idleDecided not acted on, outcome known
	 * @param idleMet not acted on, outcome followed anyway
	 */
	record Counts(long shown, long accepted, long weighed, long acceptedDecided, long acceptedMet, long idleDecided,
			long idleMet) {
	}

	/**
	 * @param acceptance accepted of those that have had their chance (null when none)
	 * @param acceptedRate outcome rate of accepted ones (null when none decided)
	 * @param idleRate outcome rate of the ones not acted on (null when none decided)
	 * @param lift acceptedRate minus idleRate (null when either is unknown)
	 * @param rankedDown true when the kind goes to the end of everyone's list
	 */
	record Verdict(Kind kind, Counts counts, BigDecimal acceptance, BigDecimal acceptedRate, BigDecimal idleRate,
			BigDecimal lift, boolean rankedDown, String reason) {
	}

	static Verdict judge(Kind kind, Counts c) {
		var acceptance = rate(c.accepted(), c.weighed());
		var acceptedRate = rate(c.acceptedMet(), c.acceptedDecided());
		var idleRate = rate(c.idleMet(), c.idleDecided());
		var lift = acceptedRate == null || idleRate == null ? null : acceptedRate.subtract(idleRate);
		if (kind.outcomeDays() > 0 && c.acceptedDecided() >= MIN_DECIDED && c.idleDecided() >= MIN_DECIDED
				&& lift.signum() <= 0) {
			return new Verdict(kind, c, acceptance, acceptedRate, idleRate, lift, true,
					"Ranked down: accepted ones led to the outcome " + percent(acceptedRate)
							+ " of the time, ones not acted on " + percent(idleRate) + "; accepting it does not help.");
		}
		if (c.weighed() >= MIN_SHOWN && acceptance.compareTo(TEN_PERCENT) < 0) {
			return new Verdict(kind, c, acceptance, acceptedRate, idleRate, lift, true,
					"Ranked down: " + StoredFigures.count(c.accepted()) + " of " + StoredFigures.count(c.weighed())
							+ " decided or shown at least " + DAYS_TO_ACT
							+ " days ago accepted, fewer than one in ten.");
		}
		if (lift != null && c.acceptedDecided() >= MIN_DECIDED && c.idleDecided() >= MIN_DECIDED) {
			return new Verdict(kind, c, acceptance, acceptedRate, idleRate, lift, false,
					"Helps: accepting it raises the outcome rate by " + percent(lift) + ".");
		}
		return new Verdict(kind, c, acceptance, acceptedRate, idleRate, lift, false,
				"Default order: not enough decided outcomes yet (" + MIN_DECIDED
						+ " needed on each side; one shown counts once decided or " + DAYS_TO_ACT + " days old).");
	}

	private static BigDecimal rate(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static String percent(BigDecimal rate) {
		return StoredFigures.percent(rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP));
	}

}
