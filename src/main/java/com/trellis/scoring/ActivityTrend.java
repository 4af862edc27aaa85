package com.trellis.scoring;

import com.trellis.shared.StoredFigures;

/**
 * Whether the partner is getting busier or quieter: its activity events of the last 30
 * days against its average 30 days over the 90 days before them.
 */
final class ActivityTrend extends NamedSignal {

	static final int RECENT_DAYS = 30;

	static final int BEFORE_DAYS = 90;

	static final int MINIMUM_BEFORE = 6;

	static final double CAP = 5;

	ActivityTrend() {
		super("activity-trend", "Activity trend", Pillar.BEHAVIOUR, "Activity events of the last " + RECENT_DAYS
				+ " days divided by the average " + RECENT_DAYS + " days of the " + BEFORE_DAYS + " days before them ("
				+ StoredFigures.number(new java.math.BigDecimal("1.00")) + " is steady, capped at " + (int) CAP + ")",
				"all of the partner's recorded activity", "the last " + (RECENT_DAYS + BEFORE_DAYS) + " days", "ratio");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long recent = 0;
		long before = 0;
		for (var count : records.activity()) {
			if (asOf.within(count.day(), RECENT_DAYS)) {
				recent += count.count();
			}
			else if (asOf.within(count.day(), RECENT_DAYS + BEFORE_DAYS)) {
				before += count.count();
			}
		}
		if (before < MINIMUM_BEFORE) {
			return Reading
				.unknown(plural(before, "event", "events") + " in the " + BEFORE_DAYS + " days before the last "
						+ RECENT_DAYS + "; at least " + MINIMUM_BEFORE + " are needed to compare");
		}
		double average = before * (double) RECENT_DAYS / BEFORE_DAYS;
		double ratio = Math.min(CAP, recent / average);
		return Reading.of(ratio, StoredFigures.count(recent) + " events in the last " + RECENT_DAYS + " days against "
				+ StoredFigures.number(average, 1) + " on average before");
	}

}
