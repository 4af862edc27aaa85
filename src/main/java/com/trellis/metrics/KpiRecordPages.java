package com.trellis.metrics;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind a KPI ({@link KpiRecords}) as a viewer reads them: a page with its
 * count (the KPI's page), a stretch of them with whether more follow (the API), or every
 * one (the CSV). The slice is scoped first ({@link SliceScope}: a slice the viewer may
 * not look at is refused, 403); a partner user gets only its own partner's side (not the
 * direct deals of a baseline, nor the other partners' and direct deals of a share of the
 * whole program), left out in the statement, before any row is counted or cut.
 */
@Service
class KpiRecordPages {

	private final KpiRecords records;

	private final KpiRepository kpis;

	private final SliceScope scope;

	private final Clock clock;

	private final BusinessCalendar calendar;

	KpiRecordPages(KpiRecords records, KpiRepository kpis, SliceScope scope, Clock clock, BusinessCalendar calendar) {
		this.records = records;
		this.kpis = kpis;
		this.scope = scope;
		this.clock = clock;
		this.calendar = calendar;
	}

	/**
	 * One page of the records. Its total is exact when the page ends the list (no count),
	 * else counted as {@code request} asks: a list page's only
	 * {@value PageRequest#COUNT_AHEAD} rows past the page ("more than N"), in full
	 * otherwise.
	 */
	@Transactional(readOnly = true)
	PageResult<Map<String, Object>> page(Viewer viewer, String code, Period period, Slice slice, PageRequest request) {
		var read = read(viewer, period, slice);
		long offset = request.offset();
		var rows = this.records.of(code, read.period(), read.slice(), offset, offset + request.size(),
				viewer.isPartnerUser());
		if (rows.size() < request.size() && (!rows.isEmpty() || offset == 0)) {
			return new PageResult<>(rows, request.page(), request.size(), offset + rows.size());
		}
		var upTo = request.countLimit();
		long counted = this.records.count(code, read.period(), read.slice(), upTo == null ? Long.MAX_VALUE : upTo,
				viewer.isPartnerUser());
		return PageResult.counted(rows, request, counted);
	}

	/**
	 * The records from position {@code offset} (0: the first) on, at most {@code size},
	 * and whether more follow.
	 */
	@Transactional(readOnly = true)
	KpiRecordList list(Viewer viewer, String code, Period period, Slice slice, long offset, int size) {
		var read = read(viewer, period, slice);
		// one more than the page says whether any follow
		return KpiRecordList.of(
				this.records.of(code, read.period(), read.slice(), offset, offset + size + 1, viewer.isPartnerUser()),
				size);
	}

	/** Every record, in the KPI's order, handed to {@code action} as it is read. */
	@Transactional(readOnly = true)
	void each(Viewer viewer, String code, Period period, Slice slice, Consumer<Map<String, Object>> action) {
		var read = read(viewer, period, slice);
		this.records.each(code, read.period(), read.slice(), viewer.isPartnerUser(), action);
	}

	/**
	 * Refuses what {@link #each} would refuse, before anything is written: a slice the
	 * viewer may not look at (403) or whose value names nothing, and a code without
	 * records (400 naming {@code code}).
	 */
	@Transactional(readOnly = true)
	void check(Viewer viewer, String code, Slice slice) {
		this.scope.allowed(viewer, slice);
		KpiRecords.requireCode(code);
	}

	private Read read(Viewer viewer, Period period, Slice slice) {
		var scoped = this.scope.allowed(viewer, slice);
		// planned for the period's and slice's values, as the figures
		this.kpis.planForParameters();
		return new Read(period.at(this.clock.instant(), this.calendar.zone()), scoped);
	}

	private record Read(Period period, Slice slice) {
	}

}
