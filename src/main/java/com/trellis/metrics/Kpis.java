package com.trellis.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.forecast.Forecasts;
import com.trellis.forecast.Scope;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.ValueLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metrics module's facade. A partner user only ever gets its own partner's figures; a
 * PAM gets its book (or a partner in it); other vendor staff any slice.
 */
@Service
public class Kpis {

	static final int TREND_PERIODS = 6;

	private final KpiRepository kpis;

	private final FunnelRepository funnel;

	private final SliceScope scope;

	private final KpiRecordPages recordPages;

	private final Clock clock;

	private final Forecasts forecasts;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	private final SliceOptions options;

	private final SourcedRevenueTrend revenueTrend;

	private final RecencyTrend recencyTrend;

	private final FinishedTrendPeriods finished;

	Kpis(KpiRepository kpis, KpiRecordPages recordPages, FunnelRepository funnel, SliceScope scope, Clock clock,
			Forecasts forecasts, BusinessCalendar calendar, ValueLimits limits, SliceOptions options,
			SourcedRevenueTrend revenueTrend, RecencyTrend recencyTrend, FinishedTrendPeriods finished) {
		this.recencyTrend = recencyTrend;
		this.finished = finished;
		this.revenueTrend = revenueTrend;
		this.options = options;
		this.limits = limits;
		this.forecasts = forecasts;
		this.calendar = calendar;
		this.kpis = kpis;
		this.recordPages = recordPages;
		this.funnel = funnel;
		this.scope = scope;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Kpi> compute(Viewer viewer, Period period, Slice slice) {
		var scoped = allowed(viewer, slice);
		var at = period.at(this.clock.instant(), this.calendar.zone());
		this.kpis.planForParameters();
		var days = this.kpis.days(at, scoped);
		return ProgramShares.shownTo(viewer, withAttainment(this.kpis.some(at, scoped, null, days), at, scoped, days));
	}

	/** Only the KPIs with the given codes (each one's SQL runs only when asked for). */
	@Transactional(readOnly = true)
	public List<Kpi> compute(Viewer viewer, Period period, Slice slice, java.util.Set<String> codes) {
		var scoped = allowed(viewer, slice);
		var at = period.at(this.clock.instant(), this.calendar.zone());
		this.kpis.planForParameters();
		var days = this.kpis.days(at, scoped);
		return ProgramShares.shownTo(viewer, withAttainment(this.kpis.some(at, scoped, codes, days), at, scoped, days));
	}

	/**
	 * One KPI over the given period and the five before it, oldest first. A trend whose
	 * first period would start before the program's earliest date
	 * ({@code trellis.dates.earliest}) is refused naming {@code from}.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> trend(Viewer viewer, String code, Period period, Slice slice) {
		return trend(viewer, code, period, slice, null);
	}

	/**
	 * As {@link #trend(Viewer, String, Period, Slice)}, the last point's figure given:
	 * {@code figure} is the KPI over {@code period} as {@link #compute} returned it to
	 * the same viewer for the same slice (a page that shows the figure and its trend
	 * computes it once); null computes it here.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> trend(Viewer viewer, String code, Period period, Slice slice, Kpi figure) {
		if (figure != null && !figure.code().equals(code)) {
			throw new IllegalArgumentException("the figure of " + figure.code() + " given for the trend of " + code);
		}
		var scoped = allowed(viewer, slice);
		var periods = new ArrayList<Period>();
		var current = period.at(this.clock.instant(), this.calendar.zone());
		for (int i = 0; i < TREND_PERIODS; i++) {
			periods.add(0, current);
			current = current.previous();
		}
		var first = periods.get(0).from();
		this.limits.dateProblem(first).ifPresent(problem -> {
			// never a period the program's dates cannot hold (a 1970-2100 range reached
			// back to 1315)
			throw InvalidInputException.of("from",
					"the trend shows the period and the " + (TREND_PERIODS - 1)
							+ " equal periods before it; the first would start on " + first + ", but dates " + problem
							+ ": choose a later from or a shorter period");
		});
		var points = new ArrayList<Map<String, Object>>();
		this.kpis.planForParameters();
		var figures = new ArrayList<>(ProgramShares.shownTo(viewer,
				trendFigures(code, figure == null ? periods : periods.subList(0, periods.size() - 1), scoped)));
		if (figure != null) {
			figures.add(figure);
		}
		for (int i = 0; i < periods.size(); i++) {
			var p = periods.get(i);
			var kpi = figures.get(i);
			var point = new java.util.LinkedHashMap<String, Object>();
			point.put("period", label(p));
			point.put("from", p.from());
			point.put("to", p.to());
			// a period still running holds its days so far only
			point.put("unfinished", p.unfinished());
			point.put("value", kpi.value());
			// why a point has no value, as the KPI itself says
			point.put("reason", kpi.reason());
			point.put("baseline", kpi.baseline());
			point.put("currency", kpi.currency());
			points.add(point);
		}
		return points;
	}

	/**
	 * The KPI over each period: the partner-sourced revenue of all of them from one
	 * statement ({@link SourcedRevenueTrend}), the program's activated partners and
	 * active partner rate too ({@link RecencyTrend}), any other KPI computed period by
	 * period; the finished periods' figures kept a while ({@link FinishedTrendPeriods}).
	 */
	private List<Kpi> trendFigures(String code, List<Period> periods, Slice scoped) {
		return this.finished.of(code, scoped, periods, unread -> readTrend(code, unread, scoped));
	}

	private List<Kpi> readTrend(String code, List<Period> periods, Slice scoped) {
		if (SourcedRevenueTrend.CODE.equals(code)) {
			return this.revenueTrend.of(periods, scoped);
		}
		if (RecencyTrend.reads(code, scoped)) {
			return this.recencyTrend.of(code, periods);
		}
		var figures = new ArrayList<Kpi>();
		for (var p : periods) {
			var days = this.kpis.days(p, scoped);
			figures
				.add(withAttainment(this.kpis.some(p, scoped, java.util.Set.of(code), days), p, scoped, days).stream()
					.findFirst()
					.orElseThrow(() -> InvalidInputException.of("code", "no KPI " + code)));
		}
		return figures;
	}

	/**
	 * How a trend names a period: by its fiscal quarter ("2026-Q4", "FY2027-Q1") when it
	 * is one, otherwise by its first and last day.
	 */
	private String label(Period period) {
		var quarter = this.calendar.quarterOf(period.from());
		return quarter.spans(period.from(), period.until()) ? quarter.label() : period.label();
	}

	/**
	 * The sales-process stage funnel over the period, partner-involved (the slice's
	 * partners) against direct (whole program); see {@link FunnelRepository}.
	 */
	@Transactional(readOnly = true)
	public List<FunnelStep> funnel(Viewer viewer, Period period, Slice slice) {
		return this.funnel.funnel(period.at(this.clock.instant(), this.calendar.zone()), allowed(viewer, slice));
	}

	/**
	 * The records a KPI counted, the first {@link KpiRecords#LIMIT} and whether more
	 * follow (see {@link KpiRecordPages}: a partner user gets only its own partner's
	 * side).
	 */
	public KpiRecordList records(Viewer viewer, String code, Period period, Slice slice) {
		return this.recordPages.list(viewer, code, period, slice, 0, KpiRecords.LIMIT);
	}

	/**
	 * What the viewer can pick a breakdown from, the chosen slice's partner listed (see
	 * {@link SliceOptions}).
	 */
	@Transactional(readOnly = true)
	List<SliceOptions.Group> sliceOptions(Viewer viewer, Slice chosen) {
		return this.options.of(viewer, chosen);
	}

	/**
	 * The partners the viewer may pick whose name contains the text (see
	 * {@link SliceOptions#partners}).
	 */
	@Transactional(readOnly = true)
	List<SliceOptions.Option> slicePartners(Viewer viewer, String text) {
		return this.options.partners(viewer, text);
	}

	/**
	 * The cohorts the viewer may pick whose name contains the text (see
	 * {@link SliceOptions#cohorts}).
	 */
	@Transactional(readOnly = true)
	List<SliceOptions.Option> sliceCohorts(Viewer viewer, String text) {
		return this.options.cohorts(viewer, text);
	}

	/**
	 * Replaces the forecast attainment placeholder with the figure measured against the
	 * forecast module's first snapshot of the quarter; its closed-won from the day-fact
	 * sums the other KPIs read ({@code days}, one statement per request).
	 */
	private List<Kpi> withAttainment(List<Kpi> kpis, Period period, Slice slice, KpiRepository.DayFigures days) {
		return kpis.stream().map(kpi -> {
			if (!kpi.code().equals("FORECAST_ATTAINMENT")) {
				return kpi;
			}
			var quarter = this.calendar.quarterOf(period.from());
			if (ForecastAttainment.unavailable(period, slice, quarter) != null) {
				return ForecastAttainment.of(period, slice, quarter, null, null);
			}
			var scope = slice.kind() == Slice.Kind.PROGRAM ? Scope.PROGRAM
					: new Scope(Scope.Kind.PAM, Long.parseLong(slice.value()));
			var snapshot = this.forecasts.committedAtStart(scope, period.from()).orElse(null);
			return ForecastAttainment.of(period, slice, quarter, snapshot,
					snapshot == null ? null : days.get().closedWon());
		}).toList();
	}

	private Slice allowed(Viewer viewer, Slice slice) {
		return this.scope.allowed(viewer, slice);
	}

}
