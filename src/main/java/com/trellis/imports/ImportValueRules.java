package com.trellis.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.ValueLimits;

/**
 * The money and date rules of every other input path applied to the readable cells of an
 * export: an amount is not negative, at most the largest amount, and has at most its
 * currency's decimals (JPY none, USD two, BHD three; the deal's currency or, without one,
 * the default), as {@code @MoneyAmount} and {@code @AmountsIn} have it; a date or moment
 * lies in the program's window of business dates ({@code @BusinessDate}). Each refusal
 * names the row and column with the value and why, once per cell: a cell already refused
 * (unreadable) is not judged again, and an amount whose currency was refused is not
 * judged against another currency. A deal's creation and a stage change are not in the
 * future: after {@code now}, the run's moment from the injected clock.
 */
final class ImportValueRules {

	private final ValueLimits limits;

	private final ZoneId zone;

	private final Instant now;

	private final Set<String> refused = new HashSet<>();

	ImportValueRules(ValueLimits limits, ZoneId zone, Instant now) {
		this.limits = limits;
		this.zone = zone;
		this.now = now;
	}

	/** Adds an error to the row's for its creation moment when it breaks a rule. */
	void account(CrmExport.Account a, CrmExport.Columns columns, List<FieldError> row) {
		judging(row);
		moment(a.where() + columns.createdDate(), a.createdAt(), row);
	}

	/**
	 * Adds an error to the row's for each amount or date of a deal that breaks a rule.
	 */
	void deal(CrmExport.Deal d, CrmExport.Columns columns, String defaultCurrency, List<FieldError> row) {
		judging(row);
		var where = d.where();
		if (d.currency() != null || !refused(where + columns.currency())) {
			var currency = d.currency() != null ? d.currency() : defaultCurrency.toUpperCase(Locale.ROOT);
			amountProblem(d.amount(), currency).ifPresent(problem -> refuse(where + columns.amount(),
					"amount '" + d.amount().toPlainString() + "' " + problem, row));
		}
		day(where + columns.closeDate(), d.closeDate(), row);
		moment(where + columns.createdDate(), d.createdAt(), row);
		past(where + columns.createdDate(), d.createdAt(), row);
	}

	/** Adds an error to the row's when a stage change's moment breaks a rule. */
	void history(CrmExport.History h, CrmExport.Columns columns, List<FieldError> row) {
		judging(row);
		moment(h.where() + columns.historyDate(), h.at(), row);
		past(h.where() + columns.historyDate(), h.at(), row);
	}

	/** The run's business day: now (the injected clock) in the program's time zone. */
	LocalDate today() {
		return this.now.atZone(this.zone).toLocalDate();
	}

	/** Judges one row: a cell the row refused already is not judged again. */
	private void judging(List<FieldError> row) {
		this.refused.clear();
		row.forEach(e -> this.refused.add(key(e.field())));
	}

	/** Whether a cell (row and column, any case) was refused already. */
	boolean refused(String field) {
		return this.refused.contains(key(field));
	}

	/**
	 * The problem with an amount in a currency: the API's money rule first (sign, size,
	 * the four stored decimals), then the currency's decimals, one problem at most.
	 */
	Optional<String> amountProblem(BigDecimal amount, String currency) {
		return this.limits.amountProblem(amount, false, currency);
	}

	private void day(String field, LocalDate day, List<FieldError> errors) {
		this.limits.dateProblem(day).ifPresent(problem -> refuse(field, "date " + day + " " + problem, errors));
	}

	private void moment(String field, Instant at, List<FieldError> errors) {
		if (at != null) {
			var day = at.atZone(this.zone).toLocalDate();
			this.limits.dateProblem(day).ifPresent(problem -> refuse(field, "date " + day + " " + problem, errors));
		}
	}

	/**
	 * Refuses a moment after now (the run's clock), in the business time zone's words.
	 */
	private void past(String field, Instant at, List<FieldError> errors) {
		if (at != null && at.isAfter(this.now)) {
			refuse(field,
					"moment " + at + " (" + at.atZone(this.zone).toLocalDate() + " in " + this.zone
							+ ") is in the future: the import keeps moments that happened, and now is " + this.now,
					errors);
		}
	}

	private void refuse(String field, String message, List<FieldError> errors) {
		if (this.refused.add(key(field))) {
			errors.add(new FieldError(field, message));
		}
	}

	private static String key(String field) {
		return field.toLowerCase(Locale.ROOT);
	}

}
