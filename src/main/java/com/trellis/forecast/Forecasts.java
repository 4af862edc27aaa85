package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.ReportingCurrency;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast module's facade: learned probabilities, roll-ups by scope and quarter,
 * commit calls, weekly snapshots and forecast accuracy.
 */
@Service
public class Forecasts {

	static final Map<String, BigDecimal> DEFAULTS = Map.of("REGISTERED", new BigDecimal("0.10"), "QUALIFIED",
			new BigDecimal("0.25"), "JOINT_WORKING", new BigDecimal("0.45"), "COMMIT", new BigDecimal("0.75"));

	private final ForecastRepository forecasts;

	private final ForecastRollUps rollUps;

	private final ForecastModel model;

	private final LiveModel live;

	private final Users users;

	private final Clock clock;

	private final BusinessCalendar calendar;

	private final ForecastScopes scopes;

	private final DealForecasts dealForecasts;

	Forecasts(ForecastRepository forecasts, ForecastRollUps rollUps, ForecastModel model, LiveModel live, Users users,
			Clock clock, BusinessCalendar calendar, ForecastScopes scopes, DealForecasts dealForecasts) {
		this.dealForecasts = dealForecasts;
		this.scopes = scopes;
		this.calendar = calendar;
		this.forecasts = forecasts;
		this.rollUps = rollUps;
		this.model = model;
		this.live = live;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Probability to win from each open stage for each group, with what it was learned
	 * from.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, StageProbabilities.Estimate>> probabilities() {
		return this.live.probabilities();
	}

	/**
	 * Learns the probabilities and norms again from the whole closed history now, instead
	 * of when the kept model expires: after closed deals were imported, or a stage's
	 * configured norm changed. Program admins only.
	 */
	@Transactional(readOnly = true)
	public void relearn(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin has the forecast relearn");
		}
		this.live.relearn();
	}

	/**
	 * Days a deal is expected to spend in each open stage, for each group, with what it
	 * was learned from.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, StageNorms.Norm>> norms() {
		return this.live.norms();
	}

	/**
	 * One open deal's probability, expected close and category, each with its reason.
	 */
	@Transactional(readOnly = true)
	public DealForecast of(Viewer viewer, long opportunityId) {
		return this.dealForecasts.of(viewer, opportunityId);
	}

	/**
	 * Commit, best case, weighted pipeline and closed so far for a scope and the quarter
	 * of a day.
	 */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> rollUp(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		return rollUp(scope, anyDayInQuarter, model());
	}

	/**
	 * {@link #rollUp} of each quarter of {@code anyDaysInQuarters}, in their order, from
	 * one reading of the scope's open deals (those expected to close from the earliest
	 * quarter's start to the latest one's end).
	 */
	@Transactional(readOnly = true)
	public List<Map<String, BigDecimal>> rollUps(Viewer viewer, Scope scope, List<LocalDate> anyDaysInQuarters) {
		allowed(viewer, scope);
		var model = model();
		return this.rollUps.rollUps(model[0], model[1], scope, spans(anyDaysInQuarters), this.calendar.today());
	}

	/**
	 * {@link #rollUp} of the program and of its partner deals for the quarter of a day,
	 * from one reading of the open deals (admins and executives, as the program scope).
	 * @return the program's figures, then the partner deals'
	 */
	@Transactional(readOnly = true)
	public List<Map<String, BigDecimal>> programAndPartners(Viewer viewer, LocalDate anyDayInQuarter) {
		return programAndPartners(viewer, List.of(anyDayInQuarter)).get(0);
	}

	/**
	 * {@link #programAndPartners(Viewer, LocalDate)} of each quarter of
	 * {@code anyDaysInQuarters}, in their order, all from one reading of the open
	 * pipeline.
	 */
	@Transactional(readOnly = true)
	public List<List<Map<String, BigDecimal>>> programAndPartners(Viewer viewer, List<LocalDate> anyDaysInQuarters) {
		allowed(viewer, Scope.PROGRAM);
		allowed(viewer, Scope.PARTNERS);
		var model = model();
		return this.rollUps.programAndPartners(model[0], model[1], spans(anyDaysInQuarters), this.calendar.today());
	}

	/** The start and end of the quarter of each day. */
	private List<LocalDate[]> spans(List<LocalDate> anyDaysInQuarters) {
		return anyDaysInQuarters.stream()
			.map(this.calendar::quarterOf)
			.map(q -> new LocalDate[] { q.start(), q.end() })
			.toList();
	}

	/**
	 * Refuses a viewer who may not call the deal commit: 404 when they cannot see it, 403
	 * unless they own it or manage its owner.
	 */
	@Transactional(readOnly = true)
	public void requireCalls(Viewer viewer, long opportunityId) {
		this.dealForecasts.requireCalls(viewer, opportunityId);
	}

	/** The owner (or their manager) calls a deal commit, or withdraws the call. */
	@Transactional
	public void call(Viewer viewer, long opportunityId, boolean commit) {
		this.dealForecasts.call(viewer, opportunityId, commit);
	}

	/**
	 * This week's snapshot for the program, its partner deals, every PAM, every sales
	 * manager and every rep, of this quarter and the next; once per week of the fiscal
	 * quarter (stored under the week's first day), whenever in the week it runs.
	 */
	@Transactional
	public int takeWeeklySnapshots() {
		var today = this.calendar.today();
		var current = this.calendar.quarterOf(today);
		var week = current.weekStart(current.weekOf(today));
		var values = model();
		var scopes = new ArrayList<Scope>();
		scopes.add(Scope.PROGRAM);
		scopes.add(Scope.PARTNERS);
		this.users.withRole(Role.AE).forEach(u -> scopes.add(new Scope(Scope.Kind.REP, u.id())));
		this.users.withRole(Role.PAM).forEach(u -> scopes.add(new Scope(Scope.Kind.PAM, u.id())));
		this.users.withRole(Role.SALES_MANAGER).forEach(u -> scopes.add(new Scope(Scope.Kind.MANAGER, u.id())));
		int taken = 0;
		var done = this.forecasts.snapshotted(week);
		for (var quarter : List.of(current, current.next())) {
			for (var scope : scopes) {
				if (done.contains(scope.kind().name() + ":" + scope.idOrZero() + ":" + quarter.label())) {
					continue;
				}
				var figures = rollUp(scope, quarter.start(), values);
				if (this.forecasts.snapshot(week, scope.kind().name(), scope.idOrZero(), quarter.label(), figures,
						this.clock.instant())) {
					taken++;
				}
			}
		}
		return taken;
	}

	/**
	 * The commit forecast of the program, its partner deals, a PAM's book, a manager's
	 * team or a rep for a quarter, from the first weekly snapshot taken on the quarter's
	 * first day or later; empty when no snapshot of that quarter exists. For other
	 * modules (the forecast attainment KPI); no viewer, the caller scopes.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<CommittedForecast> committedAtStart(Scope scope, LocalDate quarterStart) {
		return this.forecasts.firstSnapshot(scope.kind().name(), scope.idOrZero(), quarterStart);
	}

	/**
	 * For a quarter that has ended: the forecast (closed so far plus weighted pipeline)
	 * in its weeks 1, 5 and 9, against what closed, with the error in percent. A quarter
	 * that has not ended has no actual yet (what closed so far is not what the quarter
	 * will close), so it gets no points and the reason.
	 */
	@Transactional(readOnly = true)
	public ForecastAccuracy accuracy(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		var quarter = this.calendar.quarterOf(anyDayInQuarter);
		if (this.calendar.today().isBefore(quarter.end())) {
			return ForecastAccuracy.notOver(quarter);
		}
		return ForecastAccuracy.of(quarter, labelled(scope, quarter),
				rollUp(scope, quarter.start(), model()).get("closed"));
	}

	/**
	 * The week of the quarter a snapshot taken on {@code takenOn} belongs to: the week of
	 * the quarter that day falls in (weeks count from the quarter's first day, whatever
	 * its weekday), so an instance that started snapshotting in week 9 has a week 9 and
	 * no week 1. Null for a snapshot taken before the quarter began (a forecast of a
	 * quarter to come).
	 */
	static Integer weekOfQuarter(FiscalQuarter quarter, LocalDate takenOn) {
		return quarter.contains(takenOn) ? quarter.weekOf(takenOn) : null;
	}

	/**
	 * The weekly snapshots of a program, PAM or manager forecast for the quarter of a
	 * day, oldest first, each with the business day it was taken on ({@code takenOn}),
	 * its week of the quarter ({@code weekOfQuarter}, null when taken before the quarter
	 * began) and that week's first day ({@code week}; the day taken for a snapshot taken
	 * before the quarter).
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> snapshots(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		return labelled(scope, this.calendar.quarterOf(anyDayInQuarter));
	}

	List<Map<String, Object>> labelled(Scope scope, FiscalQuarter quarter) {
		return this.forecasts.snapshots(scope.kind().name(), scope.idOrZero(), quarter.label()).stream().map(s -> {
			var numbered = new LinkedHashMap<String, Object>(s);
			var takenOn = (LocalDate) s.get("takenOn");
			var week = weekOfQuarter(quarter, takenOn);
			numbered.remove("stored");
			numbered.put("week", week == null ? takenOn : quarter.weekStart(week));
			numbered.put("weekOfQuarter", week);
			numbered.put("currency", ReportingCurrency.CODE);
			return (Map<String, Object>) numbered;
		}).toList();
	}

	/** The live model as the VALUES lists the roll-up SQL joins. */
	private String[] model() {
		return new String[] { ForecastModel.probabilityValues(probabilities()),
				this.model.normValues(norms(), this.live.paths()) };
	}

	/**
	 * The open deals a scope's roll-up counts for the quarter of a day, largest first, at
	 * most {@code limit} (a page's or a pack's few); vendor staff only, like the per-deal
	 * forecast.
	 */
	@Transactional(readOnly = true)
	public List<ForecastLine> lines(Viewer viewer, Scope scope, LocalDate anyDayInQuarter, int limit) {
		return lines(viewer, scope, anyDayInQuarter, limit, ForecastRollUps.window(limit));
	}

	/**
	 * Every open deal a scope's roll-up counts for the quarter of a day, largest first
	 * (the export): one reading of them all, without the first look among the largest.
	 */
	@Transactional(readOnly = true)
	public List<ForecastLine> allLines(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		return lines(viewer, scope, anyDayInQuarter, Integer.MAX_VALUE, 0);
	}

	private List<ForecastLine> lines(Viewer viewer, Scope scope, LocalDate anyDayInQuarter, int limit, int window) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("The forecast is for vendor staff");
		}
		allowed(viewer, scope);
		var quarter = this.calendar.quarterOf(anyDayInQuarter);
		var model = model();
		return this.rollUps.lines(model[0], model[1], scope.predicate(), scope.id(), quarter.start(), quarter.end(),
				this.calendar.today(), limit, window);
	}

	private Map<String, BigDecimal> rollUp(Scope scope, LocalDate anyDayInQuarter, String[] model) {
		var quarter = this.calendar.quarterOf(anyDayInQuarter);
		return this.rollUps.rollUp(model[0], model[1], scope, quarter.start(), quarter.end(), this.calendar.today());
	}

	void allowed(Viewer viewer, Scope scope) {
		this.scopes.allowed(viewer, scope);
	}

	/**
	 * The scope a request asks for (the viewer's own when {@code kind} is null): the
	 * viewer's role and ownership checked first (403), then the id (400 naming
	 * {@code scopeId}); see {@link ForecastScopes#asked}.
	 */
	@Transactional(readOnly = true)
	public Scope asked(Viewer viewer, Scope.Kind kind, Long id) {
		return this.scopes.asked(viewer, kind, id);
	}

}
