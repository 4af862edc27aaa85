package com.trellis.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;

import com.trellis.shared.StoredFigures;

/**
 * How fast the partner answers when the field asks it for help on a deal: the median
 * hours from a co-sell request to the partner's answer. A request still unanswered three
 * days after it was made counts at its age so far (a partner that never answers is slow,
 * not unknown); a younger one is not due yet and is left out.
 */
final class CoSellResponsiveness extends NamedSignal {

	static final int WINDOW_DAYS = 180;

	static final int DUE_AFTER_HOURS = 72;

	static final int MINIMUM_REQUESTS = 2;

	CoSellResponsiveness() {
		super("cosell-responsiveness", "Co-sell responsiveness", Pillar.BEHAVIOUR,
				"Median hours from a co-sell request to the partner's answer; a request unanswered after "
						+ DUE_AFTER_HOURS + " hours counts at its age so far, a younger one is not due yet",
				"co-sell requests", "requests made in the last " + WINDOW_DAYS + " days", "hours");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		var hours = new ArrayList<Double>();
		int unanswered = 0;
		for (var ask : records.asks()) {
			if (!asOf.within(ask.requestedAt(), WINDOW_DAYS)) {
				continue;
			}
			if (asOf.knows(ask.answeredAt())) {
				hours.add(hoursBetween(ask.requestedAt(), ask.answeredAt()));
			}
			else {
				double age = hoursBetween(ask.requestedAt(), asOf.end());
				if (age >= DUE_AFTER_HOURS) {
					hours.add(age);
					unanswered++;
				}
			}
		}
		if (hours.size() < MINIMUM_REQUESTS) {
			return Reading.unknown(plural(hours.size(), "co-sell request", "co-sell requests") + " due in the last "
					+ WINDOW_DAYS + " days; at least " + MINIMUM_REQUESTS + " are needed");
		}
		Collections.sort(hours);
		int n = hours.size();
		double median = (n % 2 == 1) ? hours.get(n / 2) : (hours.get(n / 2 - 1) + hours.get(n / 2)) / 2;
		return Reading.of(median,
				"median " + StoredFigures.number(median, 1) + " h over " + plural(n, "request", "requests")
						+ (unanswered == 0 ? ""
								: " (" + StoredFigures.count(unanswered) + " unanswered, counted at their age)"));
	}

	private static double hoursBetween(java.time.Instant from, java.time.Instant to) {
		return Duration.between(from, to).toSeconds() / 3600.0;
	}

}
