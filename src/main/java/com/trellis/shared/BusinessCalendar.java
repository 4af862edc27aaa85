package com.trellis.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

import com.trellis.shared.validation.ValueLimits;
import org.springframework.stereotype.Component;

/**
 * The vendor's calendar: today, business days, fiscal quarters and their weeks, all in
 * the one business time zone ({@code trellis.business.time-zone}) with the fiscal year
 * starting in {@code trellis.business.fiscal-year-start}. Every period, quarter, week and
 * date-only value is computed here, never from the JVM's default zone.
 */
@Component
public class BusinessCalendar {

	private final Clock clock;

	private final ZoneId zone;

	private final Month fiscalYearStart;

	private final java.util.Locale locale;

	private final ObjectProvider<HolidaySource> holidays;

	private final ObjectProvider<ValueLimits> limits;

	/**
	 * The holiday source once found: each lookup through the provider resolved the bean
	 * again (1.6 % of a registration's request-thread CPU, reg22).
	 */
	private volatile HolidaySource holidaySource;

	BusinessCalendar(Clock clock, BusinessProperties properties, ObjectProvider<HolidaySource> holidays,
			ObjectProvider<ValueLimits> limits) {
		this.clock = clock;
		this.zone = properties.timeZone();
		this.fiscalYearStart = properties.fiscalYearStart();
		this.locale = properties.locale();
		this.holidays = holidays;
		this.limits = limits;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** The program's locale: how numbers read for a user who chose none. */
	public java.util.Locale locale() {
		return this.locale;
	}

	public Month fiscalYearStart() {
		return this.fiscalYearStart;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/** Today in the business zone. */
	public LocalDate today() {
		return dayOf(this.clock.instant());
	}

	/** The business day a moment falls on. */
	public LocalDate dayOf(Instant moment) {
		return LocalDate.ofInstant(moment, this.zone);
	}

	/** The moment a business day starts. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * The start of a rolling window of {@code days} days ending at {@code moment}: the
	 * same time of day that many days earlier in the business zone (a daylight-saving
	 * change in between makes the window an hour shorter or longer, as the vendor's
	 * clocks say). Rolling windows are bounded here and passed to SQL as parameters,
	 * never computed by the database in its session's zone.
	 */
	public Instant daysBefore(Instant moment, int days) {
		return moment.atZone(this.zone).minusDays(days).toInstant();
	}

	/**
	 * The moment {@code days} days after {@code moment}: the same time of day that many
	 * days later in the business zone, as {@link #daysBefore} counts back. A period of
	 * days that spans a daylight-saving change (a registration's protection, an API
	 * token's life) is an hour shorter or longer than {@code days} times 24 hours, so it
	 * still ends at the hour it started on the vendor's clocks, and on the day they say.
	 */
	public Instant daysAfter(Instant moment, int days) {
		return moment.atZone(this.zone).plusDays(days).toInstant();
	}

	public FiscalQuarter quarterOf(LocalDate day) {
		return FiscalQuarter.containing(day, this.fiscalYearStart);
	}

	public FiscalQuarter quarterOf(Instant moment) {
		return quarterOf(dayOf(moment));
	}

	public FiscalQuarter currentQuarter() {
		return quarterOf(today());
	}

	/**
	 * The quarter a label names ("2026-Q4", "FY2027-Q1"); refused naming "quarter" when
	 * the label is malformed or ambiguous, or the quarter lies outside the program's date
	 * window ({@code trellis.dates.*}).
	 */
	public FiscalQuarter quarter(String label) {
		var quarter = FiscalQuarter.parse(label, this.fiscalYearStart, "quarter");
		var window = this.limits.getIfAvailable();
		if (window != null) {
			// end() is the next quarter's first day: the quarter's last day is the day
			// before
			window.dateProblem(quarter.start())
				.or(() -> window.dateProblem(quarter.end().minusDays(1)))
				.ifPresent(problem -> {
					throw InvalidInputException.of("quarter", "names a quarter whose days " + problem);
				});
		}
		return quarter;
	}

	/** The moment a quarter starts. */
	public Instant start(FiscalQuarter quarter) {
		return startOf(quarter.start());
	}

	/** The moment the next quarter starts. */
	public Instant end(FiscalQuarter quarter) {
		return startOf(quarter.end());
	}

	/** The week of its quarter a day falls in (1 to 13). */
	public int weekOfQuarter(LocalDate day) {
		return quarterOf(day).weekOf(day);
	}

	private HolidaySource holidaySource() {
		var source = this.holidaySource;
		if (source == null) {
			source = this.holidays.getIfAvailable();
			this.holidaySource = source;
		}
		return source;
	}

	/** The holidays in [from, to): the region's and the program's own. */
	public Set<LocalDate> holidays(LocalDate from, LocalDate to) {
		var source = holidaySource();
		return source == null ? Set.of() : source.between(from, to);
	}

	/**
	 * Business days for calculations that start on {@code from} and reach at most
	 * {@code days} business days further.
	 */
	public WorkingDays workingDays(LocalDate from, int days) {
		return new WorkingDays(this.zone, holidays(from.minusDays(1), from.plusDays(2L * days + 21)));
	}

	/**
	 * As {@link #workingDays(LocalDate, int)}, with the holidays read when the caller
	 * sends its pipeline.
	 */
	public java.util.function.Supplier<WorkingDays> workingDays(SqlPipeline pipeline, LocalDate from, int days) {
		var source = holidaySource();
		if (source == null) {
			var none = new WorkingDays(this.zone, Set.of());
			return () -> none;
		}
		var read = source.between(pipeline, from.minusDays(1), from.plusDays(2L * days + 21));
		return () -> new WorkingDays(this.zone, read.get());
	}

}
