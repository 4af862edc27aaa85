package com.trellis.shared;

import java.time.Month;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vendor's business calendar.
 *
 * @param timeZone the zone business days, periods, quarters and weeks are counted in
 * (default UTC)
 * @param fiscalYearStart the month the fiscal year (and its Q1) starts in (default
 * JANUARY)
 * @param holidays the region whose public holidays are not business days, as a country
 * code with an optional subdivision ("US", "DE", "DE-BY", "GB"); empty for none
 * @param locale how numbers read for a user who chose no locale of their own (default
 * en-US: "4,762,474.80")
 */
@ConfigurationProperties("trellis.business")
public record BusinessProperties(ZoneId timeZone, Month fiscalYearStart, String holidays, Locale locale) {

	public BusinessProperties {
		timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
		fiscalYearStart = fiscalYearStart == null ? Month.JANUARY : fiscalYearStart;
		holidays = holidays == null ? "" : holidays.trim();
		locale = locale == null ? Locale.US : locale;
	}

}
