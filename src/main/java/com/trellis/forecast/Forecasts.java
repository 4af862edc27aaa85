package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.partners.Tier;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.Quarters;

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

	private static final List<String> OPEN_STAGES = List.of("REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT");

	private final ForecastRepository forecasts;

	private final Deals deals;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	Forecasts(ForecastRepository forecasts, Deals deals, Partners partners, Users users, AuditLog audit, Clock clock) {
		this.forecasts = forecasts;
		this.deals = deals;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Probability to win from each open stage for each group, with what it was learned
	 * from.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, StageProbabilities.Estimate>> probabilities() {
		var fine = new TreeMap<String, StageProbabilities.Counts>();
		var coarse = new TreeMap<String, StageProbabilities.Counts>();
		for (var row : this.forecasts.history()) {
			var stage = (String) row.get("stage");
			var group = (String) row.get("group");
			var counts = new StageProbabilities.Counts((Long) row.get("closed"), (Long) row.get("won"));
			fine.put(stage + "|" + group, counts);
			coarse.merge(stage + "|" + coarseOf(group), counts,
					(a, b) -> new StageProbabilities.Counts(a.closed() + b.closed(), a.won() + b.won()));
		}
		var groups = new ArrayList<String>();
		groups.add("DIRECT");
		for (var tier : Tier.values()) {
			groups.add("PARTNER:" + tier.name());
		}
		var result = new LinkedHashMap<String, Map<String, StageProbabilities.Estimate>>();
		for (var stage : OPEN_STAGES) {
			var byGroup = new LinkedHashMap<String, StageProbabilities.Estimate>();
			for (var group : groups) {
				byGroup.put(group, StageProbabilities.choose(stage, fine.get(stage + "|" + group),
						coarse.get(stage + "|" + coarseOf(group)), DEFAULTS));
			}
			result.put(stage, byGroup);
		}
		return result;
	}

	/**
	 * Commit, best case, weighted pipeline and closed so far for a scope and the quarter
	 * of a day.
	 */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> rollUp(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		return rollUp(scope, anyDayInQuarter, values(probabilities()));
	}

	/** The owner (or their manager) calls a deal commit, or withdraws the call. */
	@Transactional
	public void call(Viewer viewer, long opportunityId, boolean commit) {
		var deal = this.deals.get(viewer, opportunityId);
		boolean owner = viewer.is(Role.AE, Role.SALES_MANAGER) && (deal.ownerId() == viewer.userId()
				|| this.users.reportsOf(viewer.userId()).contains(deal.ownerId()));
		if (!owner) {
			throw new AccessDeniedException("Commit is the deal owner's call");
		}
		if (deal.stage().isClosed()) {
			throw InvalidInputException.of("opportunityId", "the deal is closed");
		}
		if (commit) {
			this.forecasts.call(opportunityId, viewer.userId(), this.clock.instant());
		}
		else {
			this.forecasts.uncall(opportunityId);
		}
		this.audit.record(viewer.actor(), "opportunity", opportunityId, commit ? "called commit" : "commit withdrawn",
				null, null);
	}

	/**
	 * This week's snapshot for the program, every PAM and every sales manager; once per
	 * week.
	 */
	@Transactional
	public int takeWeeklySnapshots() {
		var today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		var week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var values = values(probabilities());
		var scopes = new ArrayList<Scope>();
		scopes.add(Scope.PROGRAM);
		this.users.withRole(Role.PAM).forEach(u -> scopes.add(new Scope(Scope.Kind.PAM, u.id())));
		this.users.withRole(Role.SALES_MANAGER).forEach(u -> scopes.add(new Scope(Scope.Kind.MANAGER, u.id())));
		int taken = 0;
		for (var quarterDay : List.of(today, today.plusMonths(3))) {
			for (var scope : scopes) {
				var figures = rollUp(scope, quarterDay, values);
				if (this.forecasts.snapshot(week, scope.kind().name(), scope.idOrZero(), Quarters.label(quarterDay),
						figures, this.clock.instant())) {
					taken++;
				}
			}
		}
		return taken;
	}

	/**
	 * For a quarter: the forecast (closed so far plus weighted pipeline) in its weeks 1,
	 * 5 and 9, against what actually closed, with the error in percent.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> accuracy(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		var snapshots = this.forecasts.snapshots(scope.kind().name(), scope.idOrZero(),
				Quarters.label(anyDayInQuarter));
		var actual = rollUp(scope, anyDayInQuarter, values(probabilities())).get("closed");
		var result = new ArrayList<Map<String, Object>>();
		for (int week : List.of(1, 5, 9)) {
			if (snapshots.size() < week) {
				continue;
			}
			var snapshot = snapshots.get(week - 1);
			var forecast = ((BigDecimal) snapshot.get("closed")).add((BigDecimal) snapshot.get("weighted"));
			var point = new LinkedHashMap<String, Object>();
			point.put("week", week);
			point.put("forecast", forecast);
			point.put("actual", actual);
			point.put("errorPercent",
					actual.signum() == 0 ? null
							: forecast.subtract(actual)
								.multiply(BigDecimal.valueOf(100))
								.divide(actual, 1, RoundingMode.HALF_UP));
			result.add(point);
		}
		return result;
	}

	/**
	 * The weekly snapshots of a program, PAM or manager forecast for the quarter of a
	 * day, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> snapshots(Viewer viewer, Scope scope, LocalDate anyDayInQuarter) {
		allowed(viewer, scope);
		return this.forecasts.snapshots(scope.kind().name(), scope.idOrZero(), Quarters.label(anyDayInQuarter));
	}

	private Map<String, BigDecimal> rollUp(Scope scope, LocalDate anyDayInQuarter, String values) {
		var start = Quarters.start(anyDayInQuarter);
		return this.forecasts.rollUp(values, scope.predicate(), scope.id(), start, start.plusMonths(3),
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
	}

	private void allowed(Viewer viewer, Scope scope) {
		boolean ok = switch (viewer.role()) {
			case ADMIN, EXECUTIVE -> true;
			case PARTNER -> scope.kind() == Scope.Kind.PARTNER && scope.id().equals(viewer.partnerId());
			case AE -> scope.kind() == Scope.Kind.REP && scope.id() == viewer.userId();
			case SALES_MANAGER -> scope.kind() == Scope.Kind.MANAGER && scope.id() == viewer.userId()
					|| scope.kind() == Scope.Kind.REP && this.users.reportsOf(viewer.userId()).contains(scope.id());
			case PAM ->
				scope.kind() == Scope.Kind.PAM && scope.id() == viewer.userId() || scope.kind() == Scope.Kind.PARTNER
						&& this.partners.get(viewer, scope.id()).ownerPamId() == viewer.userId();
		};
		if (!ok) {
			throw new AccessDeniedException("This forecast scope is not yours to see");
		}
	}

	private static String values(Map<String, Map<String, StageProbabilities.Estimate>> probabilities) {
		var values = new StringBuilder();
		probabilities.forEach((stage,
				byGroup) -> byGroup.forEach((group, estimate) -> values.append(values.length() == 0 ? "" : ", ")
					.append("('")
					.append(Stage.valueOf(stage).name())
					.append("', '")
					.append(group.replaceAll("[^A-Z_:0-9]", ""))
					.append("', ")
					.append(estimate.probability().toPlainString())
					.append(")")));
		return values.toString();
	}

	private static String coarseOf(String group) {
		return group.startsWith("PARTNER") ? "PARTNER" : group;
	}

}
