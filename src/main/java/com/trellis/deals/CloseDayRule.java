package com.trellis.deals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Whether an imported closed deal's stage history agrees with its close date: no move
 * falls on a later day than the close date, and the closing move (the last) falls on the
 * close date itself. Days are calendar days in the program's business time zone, never
 * the UTC day of the moment: a close on 30 September at 20:00 UTC is a close on 1 October
 * in Pacific/Auckland. The close date decides the quarter a win counts in (KPIs) and the
 * history the funnel and the forecast, so a history that disagrees would count the deal
 * twice differently. Empty for an empty history (the import then closes the deal on its
 * close day itself).
 */
public final class CloseDayRule {

	private CloseDayRule() {
	}

	/** Why the history cannot stand with the close date, or empty. */
	public static Optional<String> refusal(List<ImportedDeal.Move> moves, LocalDate closeDate, ZoneId zone) {
		if (moves.isEmpty() || closeDate == null) {
			return Optional.empty();
		}
		for (var move : moves) {
			var day = move.at().atZone(zone).toLocalDate();
			if (day.isAfter(closeDate)) {
				return Optional.of("the move to " + move.stage() + " at " + move.at() + " falls on " + day + " in "
						+ zone.getId() + ", after the close date " + closeDate
						+ ": a closed deal's history ends on its close date");
			}
		}
		var last = moves.get(moves.size() - 1);
		var day = last.at().atZone(zone).toLocalDate();
		if (!day.equals(closeDate)) {
			return Optional.of("the closing move to " + last.stage() + " at " + last.at() + " falls on " + day + " in "
					+ zone.getId() + ", not on the close date " + closeDate);
		}
		return Optional.empty();
	}

}
