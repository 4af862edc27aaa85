package com.trellis.audittrail;

import java.time.LocalDate;
import java.util.ArrayList;

import com.trellis.audit.AuditFilter;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.validation.TextRule;
import com.trellis.shared.validation.ValueLimits;

/**
 * The audit trail's query parameters, read the same on the page and the API: every bad
 * one is named in one answer (400), never ignored or clamped.
 *
 * @param entityType a kind of record: lower-case letters, digits, {@code -} and {@code _}
 * ({@code partner}, {@code api-token}, …)
 * @param entityId one record of that kind (its id as the log writes it); needs
 * {@code entityType}
 * @param actorId the user who made the changes
 * @param from the first business day (the program's time zone), inclusive
 * @param to the last business day, inclusive
 */
record AuditTrailQuery(String entityType, String entityId, Long actorId, LocalDate from, LocalDate to) {

	private static final String TYPE = "[a-z][a-z0-9_-]{0,59}";

	/** The filter with the page, or a 400 naming every bad parameter. */
	Checked check(Integer page, Integer size, BusinessCalendar calendar, ValueLimits limits) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		// the program's window of days: s56, +999999999-12-31 answered 500
		limits.dateProblem(this.from).ifPresent(why -> errors.add(new InvalidInputException.FieldError("from", why)));
		limits.dateProblem(this.to).ifPresent(why -> errors.add(new InvalidInputException.FieldError("to", why)));
		var type = blankToNull(this.entityType);
		var entity = blankToNull(this.entityId);
		if (type != null && !type.matches(TYPE)) {
			errors.add(new InvalidInputException.FieldError("entityType",
					"must be a kind of record such as partner or api-token (lower-case letters, digits, - and _)"));
		}
		if (entity != null) {
			TextRule.problem(entity, 100, false)
				.ifPresent(why -> errors.add(new InvalidInputException.FieldError("entityId", why)));
			if (type == null) {
				errors.add(new InvalidInputException.FieldError("entityId", "give entityType with it"));
			}
		}
		if (this.from != null && this.to != null && this.to.isBefore(this.from)) {
			errors.add(new InvalidInputException.FieldError("to", "must not be before from"));
		}
		var paging = PageRequest.of(page, size == null ? 50 : size, errors);
		// (with no problem left, both days lie in the window)
		var filter = new AuditFilter(type, entity, this.actorId, this.from == null ? null : calendar.startOf(this.from),
				this.to == null ? null : calendar.startOf(this.to.plusDays(1)));
		return new Checked(filter, PageRequest.listed(paging.page(), paging.size()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record Checked(AuditFilter filter, PageRequest page) {
	}

}
