package com.trellis.scoring;

import java.util.Set;

/**
 * How often the partner works with the vendor's field: interactions with account
 * executives, joint customer meetings and answered co-sell requests, per 30 days.
 */
final class FieldInteractions extends NamedSignal {

	static final int WINDOW_DAYS = 90;

	static final Set<String> TYPES = Set.of("AE_INTERACTION", "CO_SELL_MEETING");

	FieldInteractions() {
		super("field-interactions", "Partner–field interactions", Pillar.BEHAVIOUR,
				"Interactions with vendor account executives, joint customer meetings and answered co-sell "
						+ "requests, per 30 days",
				"interactions with account executives and joint customer meetings; co-sell answers",
				"the last " + WINDOW_DAYS + " days", "interactions per 30 days");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long events = records.activity()
			.stream()
			.filter(c -> TYPES.contains(c.type()) && asOf.within(c.day(), WINDOW_DAYS))
			.mapToLong(PartnerRecords.DailyCount::count)
			.sum();
		long answers = records.asks().stream().filter(a -> asOf.within(a.answeredAt(), WINDOW_DAYS)).count();
		double perMonth = (events + answers) * 30.0 / WINDOW_DAYS;
		return Reading.of(perMonth, plural(events, "interaction or joint meeting", "interactions and joint meetings")
				+ " and " + plural(answers, "co-sell answer", "co-sell answers") + " in " + WINDOW_DAYS + " days");
	}

}
