package com.trellis.incentives;

import com.trellis.shared.Plural;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import com.trellis.shared.MinorUnits;

/**
 * Fast-start SPIFF: a fixed bonus for each of a partner's first N (1–3) deals closed-won
 * within a window (90 days) of onboarding. Later wins, and wins outside the window, earn
 * nothing. Only wins closed on a day the program is in force are paid: a partner's first
 * wins from before the program started (or after it ended) keep their places among the
 * first N but earn nothing. Days are counted in the business time zone.
 */
final class FastStartSpiff {

	private FastStartSpiff() {
	}

	static List<Earned> earn(Params params, LocalDate onboardedOn, List<WonDeal> wins, ZoneId businessZone,
			Predicate<LocalDate> programInForce) {
		if (onboardedOn == null) {
			return List.of();
		}
		var deadline = onboardedOn.plusDays(params.withinDays());
		var earned = new ArrayList<Earned>();
		var ordered = wins.stream().sorted(Comparator.comparing(WonDeal::closedAt).thenComparing(WonDeal::id)).toList();
		int position = 0;
		for (var deal : ordered) {
			var day = LocalDate.ofInstant(deal.closedAt(), businessZone);
			if (day.isBefore(onboardedOn) || !day.isBefore(deadline)) {
				continue;
			}
			position++;
			if (position > params.firstDeals()) {
				break;
			}
			if (!programInForce.test(day)) {
				continue;
			}
			earned.add(new Earned("deal:" + deal.id(), deal.id(), null, params.bonus(), params.currency(),
					"fast-start SPIFF: "
							+ (params.firstDeals() == 1 ? "the first win"
									: "one of the first " + Plural.of(params.firstDeals(), "win"))
							+ " within " + Plural.of(params.withinDays(), "day") + " of onboarding (" + onboardedOn
							+ "), closed on " + day));
		}
		return earned;
	}

	record Params(BigDecimal bonus, String currency, int firstDeals, int withinDays) {

		Params {
			if (firstDeals < 1 || firstDeals > 3) {
				throw new IllegalArgumentException("firstDeals must be 1 to 3");
			}
			bonus = MinorUnits.round(bonus, currency);
		}

	}

}
