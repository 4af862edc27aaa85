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

}
