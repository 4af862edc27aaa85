package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.ValueLimits;

/**
 * A reporting period of whole business days, from {@code from} up to and including
 * {@link #to()}, its last day: every range a user types, reads or gets back ("1 Aug to 31
 * Oct") names its last day, and {@code from = to} is that one day. Internally the period
 * ends at {@code until}, the day after its last. Its moments ({@link #start()},
 * {@link #end()}) are the starts of those days in the business time zone, which the
 * period learns when it is measured ({@link #at(Instant, ZoneId)}).
 */
public record Period(LocalDate from, LocalDate until, Instant now, ZoneId zone) {

	public Period {
		if (!until.isAfter(from)) {
			throw com.trellis.shared.InvalidInputException.of("to", "must be on or after from");
		}
	}

	/** The days from {@code from} up to and including {@code to}. */
	public static Period of(LocalDate from, LocalDate to) {
		return new Period(from, to.plusDays(1), null, null);
	}

	/** The days from {@code from} up to but excluding {@code until}. */
	public static Period until(LocalDate from, LocalDate until) {
		return new Period(from, until, null, null);
	}

	/** The period's last day (inclusive). */
	public LocalDate to() {
		return this.until.minusDays(1);
	}

	public static Period month(LocalDate any) {
		var start = any.withDayOfMonth(1);
		return until(start, start.plusMonths(1));
	}

	/**
	 * The period asked for, or the current fiscal quarter when both ends are missing.
	 * Each end must lie in the program's date window ({@code trellis.dates.*}), and one
	 * end alone is refused rather than read as the current quarter; 400 naming it.
	 */
	public static Period chosen(LocalDate from, LocalDate to, BusinessCalendar calendar, ValueLimits limits) {
		var errors = new ArrayList<FieldError>();
		limits.dateProblem(from).ifPresent(p -> errors.add(new FieldError("from", p)));
		limits.dateProblem(to).ifPresent(p -> errors.add(new FieldError("to", p)));
		if (from == null && to != null) {
			errors.add(new FieldError("from", "give both from and to, or neither for the current quarter"));
		}
		if (to == null && from != null) {
			errors.add(new FieldError("to", "give both from and to, or neither for the current quarter"));
		}
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new FieldError("to", "must be on or after from (to is the period's last day)"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return from == null ? quarter(calendar.currentQuarter()) : of(from, to);
	}

	public static Period quarter(FiscalQuarter quarter) {
		return until(quarter.start(), quarter.end());
	}

	/**
	 * The same kind of period just before this one (months and quarters step by
	 * calendar).
	 */
	Period previous() {
		long months = java.time.temporal.ChronoUnit.MONTHS.between(this.from, this.until);
		if (months > 0 && this.from.getDayOfMonth() == 1 && this.until.getDayOfMonth() == 1) {
			return new Period(this.from.minusMonths(months), this.from, this.now, this.zone);
		}
		long days = this.until.toEpochDay() - this.from.toEpochDay();
		return new Period(this.from.minusDays(days), this.from, this.now, this.zone);
	}

	/**
	 * The moment trailing windows (active in the last 30 days, won in the last 90) end
	 * at: the period's end, or now while the period is still running.
	 */
	Instant asOf() {
		return this.now != null && this.now.isBefore(end()) ? this.now : end();
	}

	/**
	 * The start of the trailing window of {@code days} days that ends at {@link #asOf()}:
	 * the same time of day that many days earlier in the business zone.
	 */
	Instant asOfMinusDays(int days) {
		return asOf().atZone(zoneOrRefuse()).minusDays(days).toInstant();
	}

	/** Whether the period was still running at the moment it is measured at. */
	boolean unfinished() {
		return this.now != null && this.now.isBefore(end());
	}

	/** The period measured at a moment, its days counted in the business zone. */
	Period at(Instant moment, ZoneId businessZone) {
		return new Period(this.from, this.until, moment, businessZone);
	}

	Instant start() {
		return this.from.atStartOfDay(zoneOrRefuse()).toInstant();
	}

	Instant end() {
		return this.until.atStartOfDay(zoneOrRefuse()).toInstant();
	}

	private ZoneId zoneOrRefuse() {
		if (this.zone == null) {
			throw new IllegalStateException("a period is measured in the business time zone: call at(moment, zone)");
		}
		return this.zone;
	}

	public String label() {
		return this.from + " – " + to();
	}

}
