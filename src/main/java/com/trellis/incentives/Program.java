package com.trellis.incentives;

import java.time.LocalDate;
import java.util.Map;

/**
 * An incentive program with its effective dates and its rule's parameters.
 */
public record Program(long id, String name, ProgramKind kind, String currency, LocalDate startsOn, LocalDate endsOn,
		Map<String, Object> params) {

	boolean effectiveOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && (this.endsOn == null || !day.isAfter(this.endsOn));
	}

	boolean overlaps(LocalDate from, LocalDate to) {
		return !this.startsOn.isAfter(to) && (this.endsOn == null || !this.endsOn.isBefore(from));
	}

}
