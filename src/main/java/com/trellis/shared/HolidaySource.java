package com.trellis.shared;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where the business calendar learns its holidays: the program's holiday calendar
 * (regional public holidays plus those the admin added). Declared here, implemented by
 * the {@code holidays} module, so that {@code shared} depends on no module.
 */
public interface HolidaySource {

	/** The holidays in [from, to). */
	Set<LocalDate> between(LocalDate from, LocalDate to);

	/**
	 * As {@link #between(LocalDate, LocalDate)}, read when the caller sends its pipeline;
	 * a source that reads nothing from the database answers at once.
	 */
	default java.util.function.Supplier<Set<LocalDate>> between(SqlPipeline pipeline, LocalDate from, LocalDate to) {
		var days = between(from, to);
		return () -> days;
	}

}
