package com.trellis.shared;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * The locale and time zone the person reading a page reads in: their profile's choice,
 * else the program's (resolved per request by identity's locale resolver into Spring's
 * {@link LocaleContextHolder}). Outside a request (jobs, e-mails, stored texts) the
 * caller's fallback applies. Only display converts: business rules keep the business
 * zone.
 */
public final class Reading {

	private Reading() {
	}

	/** The reader's locale, or the fallback when nobody is reading. */
	public static Locale locale(Locale fallback) {
		var context = LocaleContextHolder.getLocaleContext();
		var locale = context == null ? null : context.getLocale();
		return locale == null ? fallback : locale;
	}

	/** The reader's time zone, or the fallback when nobody is reading. */
	public static ZoneId zone(ZoneId fallback) {
		var context = LocaleContextHolder.getLocaleContext();
		var zone = context instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
		return zone == null ? fallback : zone.toZoneId();
	}

}
