package com.trellis.cadence;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the quarter's meetings start, for the calendar export.
 *
 * @param timeZone the time zone the meetings are held in; unset, the business time zone
 * ({@code trellis.business.time-zone})
 * @param startsAt when the first meeting of a meeting day starts; a PAM's 1:1s follow one
 * another from then
 */
@ConfigurationProperties("trellis.cadence")
record CadenceProperties(ZoneId timeZone, LocalTime startsAt) {

	CadenceProperties {
		startsAt = startsAt == null ? LocalTime.of(9, 0) : startsAt;
	}

}
