package com.trellis.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Numbers and moments as the reader reads them on pages ({@code ${@figures.count(x)}}):
 * thousands grouped in the reader's locale ("4,762,474.80", "4.762.474,80" in de-DE),
 * counts and whole days without decimals ("12 partners", not "12.00"), and an instant as
 * a date, or a date and time, in the reader's time zone in the one format of every page
 * and date input ({@code 2026-11-30}, {@code 2026-11-30 12:09}). The reader's locale and
 * zone are their profile's, else the program's ({@link Reading}). The API and files keep
 * plain numbers.
 */
@Component("figures")
public class Figures {

	/** The date format of every page and date input. */
	public static final String DATE = "yyyy-MM-dd";

	/** The date-time format of every page. */
	public static final String DATE_TIME = DATE + " HH:mm";

	private final ZoneId zone;

	private final Locale locale;

	@Autowired
	public Figures(BusinessCalendar calendar) {
		this(calendar.zone(), calendar.locale());
	}

	Figures(ZoneId zone) {
		this(zone, Locale.US);
	}

	Figures(ZoneId zone, Locale locale) {
		this.zone = zone;
		this.locale = locale;
	}

	/**
	 * A list's total as its page shows it, grouped in the reader's notation: "2,000,000",
	 * or "1,000+" when the list goes on past the rows counted
	 * ({@link PageResult#totalExact}).
	 */
	public String total(PageResult<?> result) {
		return count(result.total()) + (result.totalExact() ? "" : "+");
	}

	/**
	 * A list's number of pages as its pager shows it: "40", or "1,000+" when it goes on.
	 */
	public String pages(PageResult<?> result) {
		return count(result.totalPages()) + (result.totalExact() ? "" : "+");
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

	/**
	 * An exchange rate: grouped, as many decimals as it has up to eight, in the reader's
	 * format ("1.08", "1,08" for a German reader).
	 */
	public String rate(Number value) {
		if (value == null) {
			return "—";
		}
		return format(new BigDecimal(value.toString()).stripTrailingZeros(), "#,##0.########");
	}

	/** An average of days: grouped, always one decimal ("63.0", "12.5"). */
	public String days(Number value) {
		return points(value);
	}

	/** A score or its points: grouped, always one decimal ("94.2", "80.0"). */
	public String points(Number value) {
		if (value == null) {
			return "—";
		}
		return format(new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP), "#,##0.0");
	}

	/** A move in points: one decimal with its sign ("+0.6", "-0.1", "0.0"). */
	public String signedPoints(Number value) {
		if (value == null) {
			return "—";
		}
		var number = new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
		return (number.signum() > 0 ? "+" : "") + format(number, "#,##0.0");
	}

	/** A moment as a date and time in the reader's zone. */
	public String moment(Instant instant) {
		return instant == null ? "—"
				: DateTimeFormatter.ofPattern(DATE_TIME, Locale.ROOT).format(instant.atZone(zone()));
	}

	/**
	 * A deadline in the reader's zone: one at midnight is the end of the day before ("end
	 * of 2026-12-08"), the way a deadline counted in whole days reads (try01: "2026-12-09
	 * 00:00" for a decision due by the end of 8 December read as the 9th); any other
	 * moment as {@link #moment}.
	 */
	public String deadline(Instant instant) {
		if (instant == null) {
			return "—";
		}
		var local = instant.atZone(zone());
		return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
				? "end of " + DateTimeFormatter.ofPattern(DATE, Locale.ROOT).format(local.minusDays(1))
				: moment(instant);
	}

	/** The day a moment falls on in the reader's zone. */
	public String date(Instant instant) {
		return instant == null ? "—" : DateTimeFormatter.ofPattern(DATE, Locale.ROOT).format(instant.atZone(zone()));
	}

	/** A calendar date (a close date, a protection end) in the one date format. */
	public String date(LocalDate date) {
		return date == null ? "—" : DateTimeFormatter.ofPattern(DATE, Locale.ROOT).format(date);
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
			case "MONEY" -> currency + " " + MoneyFormat.amount(new BigDecimal(value.toString()), currency, locale());
			case "PERCENT" -> Percent.text(new BigDecimal(value.toString()), locale());
			case "COUNT", "DAYS", "HOURS" -> count(value);
			default -> decimal(value);
		};
	}

	/**
	 * A stored text (a score's evidence, a recommendation's or a tier change's reason)
	 * with its figures in the reader's notation ({@link StoredFigures}); a text stored
	 * before figures were parts reads as it was stored.
	 */
	public String words(String stored) {
		return StoredFigures.render(stored, locale());
	}

	/** The zone the reader reads moments in. */
	public ZoneId zone() {
		return Reading.zone(this.zone);
	}

	private Locale locale() {
		return Reading.locale(this.locale);
	}

	private String format(BigDecimal number, String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale())).format(number);
	}

}
