package com.trellis.scoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * What every signal read for one partner as of a day, with what the learned weights also
 * need: the partner's group (its type: SI, reseller, …) and how much record it has (its
 * activity events in the last 90 days plus the deals it is on), so that small partners
 * can be shrunk toward their group.
 */
record PartnerReadings(long partnerId, LocalDate onboardedOn, String group, double volume,
		Map<String, Reading> readings) {

	static double volume(PartnerRecords records, AsOf asOf) {
		double events = records.activity()
			.stream()
			.filter(d -> asOf.within(d.day(), 90))
			.mapToInt(PartnerRecords.DailyCount::count)
			.sum();
		long deals = records.deals().stream().filter(d -> asOf.knows(d.createdAt())).count();
		return events + deals;
	}

}
