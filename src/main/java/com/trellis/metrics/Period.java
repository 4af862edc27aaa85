package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A reporting period [from, to) in whole days (UTC).
 */
public record Period(LocalDate from, LocalDate to, Instant now) {

	public Period(LocalDate from, LocalDate to) {
		this(from, to, null);
	}

	public Period {
		if (!to.isAfter(from)) {
			throw com.trellis.shared.InvalidInputException.of("to", "must be after from");
		}
	}

	public static Period month(LocalDate any) {
		var start = any.withDayOfMonth(1);
		return new Period(start, start.plusMonths(1));
	}

	/** The period asked for, or the current quarter when either end is missing. */
	public static Period chosen(LocalDate from, LocalDate to, java.time.Clock clock) {
		return from == null || to == null ? quarter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
				: new Period(from, to);
	}

	public static Period quarter(LocalDate any) {
		var start = com.trellis.shared.Quarters.start(any);
		return new Period(start, start.plusMonths(3));
	}

	/**
	 * The same kind of period just before this one (months and quarters step by
	 * calendar).
	 */
	Period previous() {
		long months = java.time.temporal.ChronoUnit.MONTHS.between(this.from, this.to);
		if (months > 0 && this.from.getDayOfMonth() == 1 && this.to.getDayOfMonth() == 1) {
			return new Period(this.from.minusMonths(months), this.from, this.now);
		}
		long days = this.to.toEpochDay() - this.from.toEpochDay();
		return new Period(this.from.minusDays(days), this.from, this.now);
	}

	/**
	 * The moment trailing windows (active in the last 30 days, won in the last 90) end
	 * at: the period's end, or now while the period is still running.
	 */
	Instant asOf() {
		return this.now != null && this.now.isBefore(end()) ? this.now : end();
	}

	Period at(Instant moment) {
		return new Period(this.from, this.to, moment);
	}

	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	Instant end() {
		return this.to.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	public String label() {
		return this.from + " – " + this.to.minusDays(1);
	}

}
