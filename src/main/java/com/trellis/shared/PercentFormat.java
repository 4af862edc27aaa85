package com.trellis.shared;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Shows a percentage on a page in the one format of every page: the one scale of
 * {@link Percent}, grouped and with the decimal mark of the reader's locale, then a space
 * and the sign ("45.8 %", "45,8 %" in de-DE), as {@code @percent.text(share)} or, for a
 * probability from 0 to 1, {@code @percent.ofFraction(probability)}; a missing one as
 * "—". Templates never put a "%" after a number themselves.
 */
@Component("percent")
public class PercentFormat {

	private final Locale locale;

	@Autowired
	public PercentFormat(BusinessCalendar calendar) {
		this(calendar.locale());
	}

	PercentFormat(Locale locale) {
		this.locale = locale;
	}

	public String text(Number percent) {
		return percent == null ? "—" : Percent.text(new BigDecimal(percent.toString()), Reading.locale(this.locale));
	}

	public String ofFraction(BigDecimal fraction) {
		return text(Percent.ofFraction(fraction));
	}

}
