package com.trellis.guidance;

import java.time.LocalDate;

import com.trellis.shared.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * The days a recommendation may be snoozed until, for the cards' date field
 * ({@code ${@snoozeDays.first()}}, {@code ${@snoozeDays.last()}}): from tomorrow to
 * {@value Guidance#MAX_SNOOZE_DAYS} days ahead in the program's business calendar, the
 * range {@link Guidance#snooze} accepts, so a browser offers no day it would refuse.
 */
@Component
public class SnoozeDays {

	private final BusinessCalendar calendar;

	SnoozeDays(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	/** The first day a recommendation may come back on: tomorrow. */
	public LocalDate first() {
		return this.calendar.today().plusDays(1);
	}

	/** The last: {@value Guidance#MAX_SNOOZE_DAYS} days ahead. */
	public LocalDate last() {
		return this.calendar.today().plusDays(Guidance.MAX_SNOOZE_DAYS);
	}

}
