package com.trellis.holidays;

import java.time.LocalDate;

/**
 * One holiday of the program's calendar.
 *
 * @param source {@code REGION} for a public holiday of the business region,
 * {@code PROGRAM} for one a program admin added
 */
public record HolidayView(LocalDate day, String name, String source) {
}
