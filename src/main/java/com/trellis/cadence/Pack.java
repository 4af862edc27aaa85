package com.trellis.cadence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.trellis.shared.MoneyFormat;
import com.trellis.shared.Percent;
import com.trellis.shared.Reading;
import com.trellis.shared.ReportingCurrency;

/**
 * The material for one meeting: its sections, each a small table, in the reporting
 * currency.
 *
 * @param meeting which meeting
 * @param quarter the quarter, like "2026-Q4"
 * @param week the week of the quarter (1 to 13)
 * @param day the day the meeting falls on
 * @param audience whose figures: "Program" or the PAM's name
 * @param generatedAt when the figures were read
 * @param sections the tables, in order
 */
public record Pack(Meeting meeting, String quarter, int week, LocalDate day, String audience, Instant generatedAt,
		List<Section> sections) {

	public String title() {
		return this.meeting.title();
	}

	/**
	 * One table of a pack.
	 *
	 * @param heading what it shows
	 * @param note how to read it, or why it is empty
	 * @param columns the columns
	 * @param rows the values, one list per row, in column order
	 * @param chart {@code bar} to chart the rows (first column as labels),
	 * {@code columns} to chart the single row's numeric columns, or null
	 */
	public record Section(String heading, String note, List<Column> columns, List<List<Object>> rows, String chart) {

		static Section table(String heading, String note, List<Column> columns, List<List<Object>> rows) {
			return new Section(heading, note, columns, rows, null);
		}

		Section charted(String chart) {
			return new Section(this.heading, this.note, this.columns, this.rows, chart);
		}

	}

	/**
	 * A column of a section.
	 *
	 * @param label its heading (a money column's names the currency)
	 * @param kind how its values are shown
	 * @param currency the currency of a money column's amounts (the reporting currency),
	 * null for other columns
	 */
	public record Column(String label, Kind kind, String currency) {

		/**
		 * The value as shown on the page and in the PDF, in the reader's locale
		 * ({@link Reading}; the program's grouping outside a request).
		 */
		public String format(Object value) {
			return format(value, Reading.locale(Locale.ROOT));
		}

		/** The value as a reader in the locale reads it ("45,8 %" in de-DE). */
		public String format(Object value, Locale locale) {
			if (!(value instanceof Number number)) {
				return value == null ? "" : value.toString();
			}
			return switch (this.kind) {
				case MONEY -> MoneyFormat.amount(new BigDecimal(number.toString()), ReportingCurrency.CODE, locale);
				case PERCENT -> Percent.text(new BigDecimal(number.toString()), locale);
				case COUNT -> String.format(locale, "%,d", number.longValue());
				case NUMBER -> {
					var decimal = new BigDecimal(number.toString());
					if (decimal.scale() != 1 && decimal.stripTrailingZeros().scale() <= 0) {
						// a whole figure (12 partners, 202 days) reads without decimals;
						// a ratio
						// kept at one decimal keeps it (20.0 beside 15.7)
						decimal = decimal.setScale(0, java.math.RoundingMode.UNNECESSARY);
					}
					yield String.format(locale, "%,." + Math.max(decimal.scale(), 0) + "f", decimal);
				}
				default -> number.toString();
			};
		}

		public boolean numeric() {
			return this.kind == Kind.MONEY || this.kind == Kind.COUNT || this.kind == Kind.PERCENT
					|| this.kind == Kind.NUMBER;
		}

		static Column text(String label) {
			return new Column(label, Kind.TEXT, null);
		}

		/** An amount in the reporting currency, which the label names. */
		static Column money(String label) {
			return new Column(label + " (" + ReportingCurrency.CODE + ")", Kind.MONEY, ReportingCurrency.CODE);
		}

		/**
		 * A stored code (a stage, tier, status, forecast category): the page and the PDF
		 * show its label ({@code @labels}), the CSV the code.
		 */
		static Column code(String label) {
			return new Column(label, Kind.CODE, null);
		}

		public boolean code() {
			return this.kind == Kind.CODE;
		}

		static Column count(String label) {
			return new Column(label, Kind.COUNT, null);
		}

		static Column percent(String label) {
			return new Column(label, Kind.PERCENT, null);
		}

		/**
		 * A decimal whose unit is in the label or a unit column: a plain number in the
		 * CSV, with thousands separators on the page and in the PDF.
		 */
		static Column number(String label) {
			return new Column(label, Kind.NUMBER, null);
		}

		static Column date(String label) {
			return new Column(label, Kind.DATE, null);
		}

	}

	/**
	 * How a column's values are shown; percentages are already multiplied by 100 and are
	 * shown and exported at one decimal ({@link Percent}).
	 */
	public enum Kind {

		TEXT, CODE, MONEY, COUNT, PERCENT, NUMBER, DATE

	}

}
