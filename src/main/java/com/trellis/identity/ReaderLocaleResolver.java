package com.trellis.identity;

import java.util.Locale;
import java.util.TimeZone;

import com.trellis.shared.BusinessCalendar;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every request reads in the signed-in user's locale and time zone (their profile), else
 * the program's business locale and zone; never the browser's or the JVM's. Looked up
 * once per request, and only when a page writes a number or a moment.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class ReaderLocaleResolver implements LocaleContextResolver {

	/** The request attribute that keeps the request's reader once resolved. */
	private static final String RESOLVED = ReaderLocaleResolver.class.getName() + ".RESOLVED";

	private final Readers readers;

	private final BusinessCalendar calendar;

	ReaderLocaleResolver(Readers readers, BusinessCalendar calendar) {
		this.readers = readers;
		this.calendar = calendar;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof LocaleContext resolved) {
			return resolved;
		}
		var context = resolve();
		request.setAttribute(RESOLVED, context);
		return context;
	}

	private LocaleContext resolve() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		Long userId = authentication != null && authentication.getPrincipal() instanceof Viewer.Holder holder
				? holder.viewer().userId() : null;
		return new TimeZoneAwareLocaleContext() {

			private ReaderSettings settings;

			@Override
			public Locale getLocale() {
				var chosen = ReaderChoice.locale(settings().locale());
				return chosen != null ? chosen : ReaderLocaleResolver.this.calendar.locale();
			}

			@Override
			public TimeZone getTimeZone() {
				var chosen = ReaderChoice.zone(settings().timeZone());
				return TimeZone.getTimeZone(chosen != null ? chosen : ReaderLocaleResolver.this.calendar.zone());
			}

			private ReaderSettings settings() {
				if (this.settings == null) {
					this.settings = userId == null ? new ReaderSettings(null, null)
							: ReaderLocaleResolver.this.readers.of(userId);
				}
				return this.settings;
			}

		};
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolveLocaleContext(request).getLocale();
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext localeContext) {
		throw new UnsupportedOperationException("A reader's locale is a setting of their profile");
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("A reader's locale is a setting of their profile");
	}

}
