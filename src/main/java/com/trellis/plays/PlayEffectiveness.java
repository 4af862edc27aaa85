package com.trellis.plays;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.trellis.shared.MinorUnits;
import com.trellis.shared.StoredFigures;

/**
 * Whether deals go better with a play: the closed partner deals where it was used against
 * the comparable closed partner deals where it was not. Comparable means closed in the
 * same window and of a customer in a segment (employee band) where the play was used, so
 * a play used on large accounts is not flattered by the small ones. Each side gives its
 * count, win rate, average cycle of its won deals (days from creation to close) and
 * average size of its won deals per currency (never summed across currencies, rounded to
 * the currency's minor unit). Below {@value #MINIMUM_DEALS} closed deals on either side
 * it says "not enough data" and why, with the counts.
 */
final class PlayEffectiveness {

	/** The fewest closed deals on each side before the figures are compared. */
	static final int MINIMUM_DEALS = 5;

	/** The segment of a customer without a known employee band. */
	static final String UNKNOWN_SEGMENT = "unknown";

	/**
	 * Closed partner deals alike in whether the play was used on them, the customer's
	 * segment, whether they were won and their currency: how many, their cycles in days
	 * added up and their amounts added up (the database adds them; one deal is a group of
	 * one).
	 */
	record DealGroup(boolean usedPlay, String segment, boolean won, String currency, long deals, long cycleDays,
			BigDecimal amount) {

		/**
		 * The won amount at its currency's minor unit, whatever scale it was summed at.
		 */
		DealGroup {
			amount = com.trellis.shared.MinorUnits.round(amount, currency);
		}

		String segmentOrUnknown() {
			return this.segment == null ? UNKNOWN_SEGMENT : this.segment;
		}

	}

	/**
	 * One side of the comparison.
	 *
	 * @param winRate won of closed, in percent with one decimal; null without deals
	 * @param averageCycleDays days from creation to close of the won deals, one decimal;
	 * null without won deals
	 * @param averageSize the average won amount per currency
	 */
	record Side(long closed, long won, BigDecimal winRate, BigDecimal averageCycleDays,
			Map<String, BigDecimal> averageSize) {
	}

	/**
	 * @param enoughData whether both sides have at least {@code minimum} closed deals
	 * @param segments the segments compared (those where the play was used)
	 * @param reason what the figures say, or why there are not enough of them
	 */
	record Result(Side used, Side comparable, boolean enoughData, int minimum, List<String> segments, String reason) {

		/**
		 * The result with its reason's figures in the reader's notation (written as
		 * {@link StoredFigures} parts).
		 */
		Result worded(java.util.Locale locale) {
			return new Result(this.used, this.comparable, this.enoughData, this.minimum, this.segments,
					StoredFigures.render(this.reason, locale));
		}

	}

	Result judge(List<DealGroup> deals) {
		var used = deals.stream().filter(DealGroup::usedPlay).toList();
		Set<String> segments = used.stream()
			.map(DealGroup::segmentOrUnknown)
			.collect(Collectors.toCollection(() -> new TreeSet<>(com.trellis.shared.EmployeeBands.BY_SIZE)));
		var comparable = deals.stream().filter(d -> !d.usedPlay() && segments.contains(d.segmentOrUnknown())).toList();
		var withPlay = side(used);
		var without = side(comparable);
		boolean enough = withPlay.closed() >= MINIMUM_DEALS && without.closed() >= MINIMUM_DEALS;
		String reason;
		if (!enough) {
			reason = "not enough data: " + closed(withPlay.closed()) + " with the play and " + closed(without.closed())
					+ " comparable without it; at least " + MINIMUM_DEALS + " needed on each side";
		}
		else {
			reason = "won " + StoredFigures.count(withPlay.won()) + " of " + closed(withPlay.closed())
					+ " with the play (" + StoredFigures.percent(withPlay.winRate()) + ") against "
					+ StoredFigures.count(without.won()) + " of " + closed(without.closed())
					+ " comparable without it (" + StoredFigures.percent(without.winRate()) + "), in segments "
					+ StoredFigures.text(String.join(", ", segments));
		}
		return new Result(withPlay, without, enough, MINIMUM_DEALS, List.copyOf(segments), reason);
	}

	private static Side side(List<DealGroup> groups) {
		long closed = groups.stream().mapToLong(DealGroup::deals).sum();
		var won = groups.stream().filter(DealGroup::won).toList();
		long wonCount = won.stream().mapToLong(DealGroup::deals).sum();
		var winRate = closed == 0 ? null
				: BigDecimal.valueOf(wonCount * 100L).divide(BigDecimal.valueOf(closed), 1, RoundingMode.HALF_UP);
		var cycle = wonCount == 0 ? null : BigDecimal.valueOf(won.stream().mapToLong(DealGroup::cycleDays).sum())
			.divide(BigDecimal.valueOf(wonCount), 1, RoundingMode.HALF_UP);
		var totals = new TreeMap<String, BigDecimal>();
		var counts = new TreeMap<String, Long>();
		for (var group : won) {
			totals.merge(group.currency(), group.amount(), BigDecimal::add);
			counts.merge(group.currency(), group.deals(), Long::sum);
		}
		var sizes = new TreeMap<String, BigDecimal>();
		totals.forEach((currency, total) -> sizes.put(currency, MinorUnits
			.round(total.divide(BigDecimal.valueOf(counts.get(currency)), 10, RoundingMode.HALF_UP), currency)));
		return new Side(closed, wonCount, winRate, cycle, sizes);
	}

	private static String closed(long count) {
		return StoredFigures.count(count) + (count == 1 ? " closed deal" : " closed deals");
	}

}
