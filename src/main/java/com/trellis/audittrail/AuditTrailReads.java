package com.trellis.audittrail;

import com.trellis.audit.AuditRecord;
import com.trellis.audit.AuditTrail;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.stereotype.Component;

/**
 * The audit trail read as the page and the API read it: the query checked
 * ({@link AuditTrailQuery}, its days in the program's time zone and window), then the
 * page of entries.
 */
@Component
class AuditTrailReads {

	private final AuditTrail trail;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	AuditTrailReads(AuditTrail trail, BusinessCalendar calendar, ValueLimits limits) {
		this.trail = trail;
		this.calendar = calendar;
		this.limits = limits;
	}

	PageResult<AuditRecord> read(AuditTrailQuery query, Integer page, Integer size) {
		var checked = query.check(page, size, this.calendar, this.limits);
		return this.trail.search(checked.filter(), checked.page());
	}

	/**
	 * Checks the query's filters (a bad one named, 400) without reading an entry: an
	 * export checks them before its file starts.
	 */
	void check(AuditTrailQuery query) {
		query.check(0, 1, this.calendar, this.limits);
	}

	/** The program's time zone, in which the days of the filters are counted. */
	String zone() {
		return this.calendar.zone().getId();
	}

}
