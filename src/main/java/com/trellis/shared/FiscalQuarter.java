package com.trellis.shared;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

/**
 * One quarter of the vendor's fiscal year. Q1 starts on the first day of the fiscal
 * year's start month. A fiscal year is named by the calendar year it ends in: with a
 * February start, FY2027 runs from 1 February 2026 to 31 January 2027. With a January
 * start the fiscal year is the calendar year and a quarter is labelled like "2026-Q4";
 * otherwise like "FY2027-Q1".
 *
 * @param fiscalYear the calendar year the fiscal year ends in
 * @param number 1 to 4
 * @param fiscalYearStart the month Q1 starts in
 */
public record FiscalQuarter(int fiscalYear, int number, Month fiscalYearStart) {

	/** Weeks of a quarter; the last one runs to the quarter's end (six to eight days). */
	public static final int WEEKS = 13;

	private static final Pattern LABEL = Pattern.compile("^(FY)?(\\d{4})-Q(\\d+)$");

	public FiscalQuarter {
		if (number < 1 || number > 4) {
			throw new IllegalArgumentException("a quarter is numbered 1 to 4");
		}
	}

	/** The quarter a day falls in. */
	public static FiscalQuarter containing(LocalDate day, Month fiscalYearStart) {
		int monthsIn = Math.floorMod(day.getMonthValue() - fiscalYearStart.getValue(), 12);
		int startYear = day.getMonthValue() >= fiscalYearStart.getValue() ? day.getYear() : day.getYear() - 1;
		int fiscalYear = fiscalYearStart == Month.JANUARY ? startYear : startYear + 1;
		return new FiscalQuarter(fiscalYear, monthsIn / 3 + 1, fiscalYearStart);
	}

	/**
	 * The quarter named by {@code label}, read by the one rule {@link #label()} writes:
	 * "2026-Q4" (or "FY2026-Q4") when the fiscal year is the calendar year, "FY2027-Q1"
	 * otherwise. A label without "FY" is refused when the fiscal year does not start in
	 * January (it could mean the fiscal year that starts or the one that ends in that
	 * year), as is a label that names no quarter; both naming {@code field}.
	 */
	public static FiscalQuarter parse(String label, Month fiscalYearStart, String field) {
		var matcher = LABEL.matcher(label == null ? "" : label.trim());
		if (!matcher.matches()) {
			throw InvalidInputException.of(field, "must look like " + example(fiscalYearStart));
		}
		if (!matcher.group(3).matches("[1-4]")) {
			throw InvalidInputException.of(field, "names no quarter: a fiscal year has quarters Q1 to Q4");
		}
		if (matcher.group(1) == null && fiscalYearStart != Month.JANUARY) {
			throw InvalidInputException.of(field, "is ambiguous: the fiscal year starts in " + name(fiscalYearStart)
					+ " and is named by the calendar year it ends in; write it like " + example(fiscalYearStart));
		}
		return new FiscalQuarter(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
				fiscalYearStart);
	}

	private static String name(Month month) {
		return month.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
	}

	private static String example(Month fiscalYearStart) {
		return fiscalYearStart == Month.JANUARY ? "2026-Q4" : "FY2027-Q1";
	}

	/**
	 * Whether [from, to) is exactly this quarter.
	 */
	public boolean spans(LocalDate from, LocalDate to) {
		return start().equals(from) && end().equals(to);
	}

	/** The quarter's first day. */
	public LocalDate start() {
		int startYear = this.fiscalYearStart == Month.JANUARY ? this.fiscalYear : this.fiscalYear - 1;
		return LocalDate.of(startYear, this.fiscalYearStart, 1).plusMonths(3L * (this.number - 1));
	}

	/** The day after the quarter's last day. */
	public LocalDate end() {
		return start().plusMonths(3);
	}

	public String label() {
		return (this.fiscalYearStart == Month.JANUARY ? "" : "FY") + this.fiscalYear + "-Q" + this.number;
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start()) && day.isBefore(end());
	}

	public FiscalQuarter next() {
		return containing(end(), this.fiscalYearStart);
	}

	public FiscalQuarter previous() {
		return containing(start().minusDays(1), this.fiscalYearStart);
	}

	/**
	 * The week of the quarter a day falls in: week 1 starts on the quarter's first day,
	 * each week is seven days, and week 13 runs to the quarter's end. Days outside the
	 * quarter are refused.
	 */
	public int weekOf(LocalDate day) {
		if (!contains(day)) {
			throw InvalidInputException.of("day", day + " is not in " + label());
		}
		return (int) Math.min(WEEKS, (day.toEpochDay() - start().toEpochDay()) / 7 + 1);
	}

	/** The first day of a week of the quarter. */
	public LocalDate weekStart(int week) {
		return start().plusDays(7L * (checkWeek(week) - 1));
	}

	/** The day after a week's last day. */
	public LocalDate weekEnd(int week) {
		return checkWeek(week) == WEEKS ? end() : weekStart(week + 1);
	}

	private static int checkWeek(int week) {
		if (week < 1 || week > WEEKS) {
			throw InvalidInputException.of("week", "must be between 1 and " + WEEKS);
		}
		return week;
	}

	@Override
	public String toString() {
		return label();
	}

}
