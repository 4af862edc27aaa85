package com.trellis.holidays;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of a business region, as the Jollyday library keeps them: a country
 * code with an optional subdivision ("US", "DE", "DE-BY", "GB"). An empty code has none.
 * Each year is computed once.
 */
final class RegionalHolidays {

	private final HolidayManager manager;

	private final String[] subdivision;

	private final String region;

	private final Map<Integer, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

	private RegionalHolidays(String region, HolidayManager manager, String[] subdivision) {
		this.region = region;
		this.manager = manager;
		this.subdivision = subdivision;
	}

	/** The holidays of a region; an unknown country code is refused at start-up. */
	static RegionalHolidays of(String region) {
		if (region == null || region.isBlank()) {
			return new RegionalHolidays("", null, new String[0]);
		}
		var parts = region.trim().split("-", 2);
		var country = parts[0].toUpperCase(Locale.ROOT);
		if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
			throw new IllegalArgumentException(
					"trellis.business.holidays: no holiday calendar for the country code " + country);
		}
		var manager = HolidayManager.getInstance(ManagerParameters.create(country));
		var subdivision = parts.length == 2 ? new String[] { parts[1].toLowerCase(Locale.ROOT) } : new String[0];
		return new RegionalHolidays(region.trim().toUpperCase(Locale.ROOT), manager, subdivision);
	}

	String region() {
		return this.region;
	}

	/** The region's public holidays of a year, by day, with their English names. */
	Map<LocalDate, String> of(int year) {
		if (this.manager == null) {
			return Map.of();
		}
		return this.years.computeIfAbsent(year, y -> {
			var days = new TreeMap<LocalDate, String>();
			this.manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, this.subdivision)
				.forEach(h -> days.put(h.getDate(), h.getDescription(Locale.ENGLISH)));
			return days;
		});
	}

}
