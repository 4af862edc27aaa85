package com.trellis.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers and moments as the reader reads them on pages ({@code ${@figures.count(x)}}):
 * thousands grouped ("4,762,474.80"), counts and whole days without decimals ("12
 * partners", not "12.00"), and an instant as a date and time in the business zone in the
 * one format pages use ({@code 2026-11-30 12:09}). The API keeps plain JSON numbers.
 */
@Component("figures")
public class Figures {

	/** The date-time format of every page. */
	public static final String DATE_TIME = "yyyy-MM-dd HH:mm";

	private final java.time.ZoneId zone;

	@org.springframework.beans.factory.annotation.Autowired
	public Figures(BusinessCalendar calendar) {
		this(calendar.zone());
	}

	Figures(java.time.ZoneId zone) {
		this.zone = zone;
	}

	/** A count or a number of days: grouped, whole when it is whole, else one decimal. */
	public String count(Number value) {
		if (value == null) {
			return "—";
		}
		var number = new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
		return format(number, number.scale() > 0 ? "#,##0.0" : "#,##0");
	}

	/** A decimal figure: grouped, two decimals. */
	public String decimal(Number value) {
		if (value == null) {
			return "—";
		}
		return format(new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP), "#,##0.00");
	}

	/** A moment as a date and time in the business zone. */
	public String moment(Instant instant) {
		return instant == null ? "—"
				: DateTimeFormatter.ofPattern(DATE_TIME, Locale.ROOT).format(instant.atZone(this.zone));
	}

	/**
	 * A KPI's figure by its unit: money grouped with its currency, percent, counts, days,
	 * hours.
	 */
	public String kpi(Number value, String unit, String currency) {
		if (value == null) {
			return "—";
		}
		return switch (unit == null ? "" : unit) {
			case "MONEY" -> MoneyFormat.of(new BigDecimal(value.toString()), currency);
			case "PERCENT" -> Percent.text(new BigDecimal(value.toString()));
			case "COUNT", "DAYS", "HOURS" -> count(value);
			default -> decimal(value);
		};
	}

	private static String format(BigDecimal number, String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
	}

}
