package com.trellis.registration;

import java.time.Instant;

import com.trellis.shared.WorkingDays;

/**
 * Adds business days to an instant in the vendor's business calendar (Monday to Friday
 * except holidays, in the business time zone): a registration submitted on a Friday
 * afternoon with a two-day SLA is due on Tuesday afternoon, one submitted on Thursday 24
 * December with 25 December a holiday is due on Tuesday 29 December.
 */
final class BusinessDays {

	private BusinessDays() {
	}

	static Instant add(Instant start, int days, WorkingDays calendar) {
		return calendar.add(start, days);
	}

	/**
	 * When an SLA of some business days started now falls due in the business calendar.
	 */
	static Instant due(Instant now, int days, com.trellis.shared.BusinessCalendar calendar) {
		return add(now, days, calendar.workingDays(calendar.dayOf(now), days));
	}

}
