package com.trellis.cadence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.cadence.Pack.Column;
import com.trellis.cadence.Pack.Section;
import com.trellis.forecast.Forecasts;
import com.trellis.forecast.Scope;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.deals.StageNorm;
import com.trellis.process.SalesProcess;

import org.springframework.stereotype.Component;

/**
 * Builds the sections of each meeting's pack from the forecast, the KPIs and reporting
 * SQL. {@code pam} is the PAM whose book a pack covers, or null for the program.
 */
@Component
class PackContent {

	private static final int LIST_LIMIT = 15;

	private static final int DEAL_LIMIT = 100;

	/** How far ahead the planning pack lists account plans due. */
	static final int PLAN_HORIZON_DAYS = 14;

	private static final List<Column> DEAL_COLUMNS = List.of(Column.text("Deal"), Column.text("Partner"),
			Column.text("Owner"), Column.code("Stage"), Column.date("Close date"), Column.money("Amount"));

	private static final List<Column> FORECAST_COLUMNS = List.of(Column.text("As of"), Column.money("Closed so far"),
			Column.money("Commit"), Column.money("Best case"), Column.money("Weighted pipeline"));

	private final CadenceRepository cadence;

	private final Forecasts forecasts;

	private final ReviewContent reviews;

	private final SalesProcess process;

	private final Users users;

	private final Clock clock;

	private final com.trellis.shared.BusinessCalendar calendar;

	PackContent(CadenceRepository cadence, Forecasts forecasts, ReviewContent reviews, SalesProcess process,
			Users users, Clock clock, com.trellis.shared.BusinessCalendar calendar) {
		this.calendar = calendar;
		this.cadence = cadence;
		this.forecasts = forecasts;
		this.reviews = reviews;
		this.process = process;
		this.users = users;
		this.clock = clock;
	}

	List<Section> sections(Viewer viewer, Meeting meeting, QuarterCalendar quarter, int week, Long pam) {
		return switch (meeting) {
			case WEEKLY_CALL -> weeklyCall(viewer, quarter, week, pam);
			case FORECAST_ONE_ON_ONE -> forecastOneOnOne(viewer, quarter, pam);
			case LEADERSHIP_ROLLUP -> leadershipRollUp(viewer, quarter);
			case PIPELINE_PLANNING -> pipelinePlanning(quarter.next(), pam);
			case CEO_CFO_ROLLUP -> ceoCfoRollUp(viewer, quarter);
			case BUSINESS_REVIEW -> this.reviews.businessReview(viewer, quarter, week);
			case ELT_REVIEW -> this.reviews.eltReview(viewer, quarter, week);
		};
	}

	private List<Section> weeklyCall(Viewer viewer, QuarterCalendar quarter, int week, Long pam) {
		var weekStart = quarter.weekStart(week);
		var lastWeek = ReportWindow.of(weekStart.minusDays(7), weekStart, this.calendar.now(), this.calendar.zone());
		var bookings = this.cadence.bookings(pam, lastWeek.firstDay(), lastWeek.endDay());
		return List.of(
				Section.table("Last week's partner bookings",
						"Partner deals won from " + lastWeek.note() + "; total "
								+ PackMath.money(PackMath.sum(bookings, 5)) + ".",
						List.of(Column.text("Deal"), Column.text("Partner"), Column.code("Credit"),
								Column.text("Owner"), Column.date("Closed on"), Column.money("Amount")),
						bookings),
				Section.table("This week's commits",
						"Open partner deals called commit with a close date before " + quarter.weekEnd(week)
								+ " (due this week or overdue).",
						DEAL_COLUMNS, this.cadence.commitsDue(pam, quarter.weekEnd(week), LIST_LIMIT)),
				forecastChange(viewer, scope(pam), quarter),
				Section.table("Risks: close dates passed",
						"Open partner deals whose close date has passed; the largest " + LIST_LIMIT + ".", DEAL_COLUMNS,
						this.cadence.slipped(pam, today(), LIST_LIMIT)),
				helpNeeded(pam));
	}

	private List<Section> forecastOneOnOne(Viewer viewer, QuarterCalendar quarter, long pam) {
		var scope = scope(pam);
		var rows = this.forecasts.lines(viewer, scope, quarter.start(), DEAL_LIMIT)
			.stream()
			.map(d -> Arrays.<Object>asList(d.name(), d.partner(), d.owner(), d.stage(), d.expectedClose(),
					d.amountUnknown() ? PackMath.AMOUNT_UNKNOWN : d.amount(),
					com.trellis.shared.Percent.ofFraction(d.probability()), d.category()))
			.toList();
		return List.of(rollUp(viewer, scope, quarter),
				Section.table("Deals in the quarter",
						"Open partner deals of the book expected to close in " + quarter.label()
								+ ", largest first (at most " + DEAL_LIMIT
								+ "): learned probability, expected close and category; commit is the owner's call.",
						List.of(Column.text("Deal"), Column.text("Partner"), Column.text("Owner"), Column.code("Stage"),
								Column.date("Expected close"), Column.money("Amount"), Column.percent("Probability"),
								Column.code("Category")),
						rows),
				forecastChange(viewer, scope, quarter), helpNeeded(pam));
	}

	private List<Section> leadershipRollUp(Viewer viewer, QuarterCalendar quarter) {
		var rows = new ArrayList<List<Object>>();
		for (var pam : this.users.withRole(Role.PAM)) {
			var figures = this.forecasts.rollUp(viewer, new Scope(Scope.Kind.PAM, pam.id()), quarter.start());
			rows.add(figureRow(pam.displayName(), figures));
		}
		var columns = new ArrayList<>(FORECAST_COLUMNS);
		columns.set(0, Column.text("PAM"));
		var byPam = Section
			.table("Partner forecast by PAM",
					"Each PAM's book for " + quarter.label()
							+ ": closed so far, commit, best case and weighted pipeline.",
					columns, rows)
			.charted("bar");
		var total = rollUp(viewer, Scope.PROGRAM, quarter);
		return List.of(byPam, total, forecastChange(viewer, Scope.PROGRAM, quarter));
	}

	private List<Section> pipelinePlanning(QuarterCalendar next, long pam) {
		var note = "Pipeline for " + next.label()
				+ " only: this meeting plans next quarter's pipeline and accounts and is kept apart from the forecast.";
		return List.of(
				Section
					.table("Next quarter's partner pipeline by stage", note,
							List.of(Column.code("Stage"), Column.count("Deals"), Column.money("Amount")),
							this.cadence.pipelineByStage(pam, next.start(), next.end()))
					.charted("bar"),
				Section.table("Pipeline by partner", "The " + LIST_LIMIT + " partners with the most pipeline.",
						List.of(Column.text("Partner"), Column.code("Tier"), Column.count("Deals"),
								Column.money("Amount")),
						this.cadence.pipelineByPartner(pam, next.start(), next.end(), LIST_LIMIT)),
				Section.table("Partners without pipeline next quarter",
						"Onboarding and active partners in the book with no open deal closing in " + next.label()
								+ ": candidates for account planning.",
						List.of(Column.text("Partner"), Column.code("Tier"), Column.code("Status"),
								Column.date("Last win")),
						this.cadence.partnersWithoutPipeline(pam, next.start(), next.end(), 25)),
				plansDue(pam));
	}

	/**
	 * Account plans to review: overdue, or due within {@value #PLAN_HORIZON_DAYS} days of
	 * today (the business zone's day).
	 */
	private Section plansDue(Long pam) {
		var today = today();
		return Section.table("Account plans due and overdue",
				"Open account plans whose next open action is due, or whose goals end, on or before "
						+ today.plusDays(PLAN_HORIZON_DAYS) + " (today is " + today + "); overdue first.",
				List.of(Column.text("Partner"), Column.text("Account"), Column.text("Plan"), Column.text("Next action"),
						Column.date("Due on"), Column.code("State"), Column.text("Our owner")),
				this.cadence.plansDue(pam, today, today.plusDays(PLAN_HORIZON_DAYS), 50));
	}

	private List<Section> ceoCfoRollUp(Viewer viewer, QuarterCalendar quarter) {
		var rows = new ArrayList<List<Object>>();
		for (var q : List.of(quarter, quarter.next())) {
			rows.add(figureRow(q.label(), this.forecasts.rollUp(viewer, Scope.PROGRAM, q.start())));
		}
		var columns = new ArrayList<>(FORECAST_COLUMNS);
		columns.set(0, Column.text("Quarter"));
		var measured = this.forecasts.accuracy(viewer, Scope.PROGRAM, quarter.previous().start());
		var accuracy = measured.points()
			.stream()
			.map(point -> List.<Object>of(point.get("week"), point.get("forecast"), point.get("actual"),
					point.get("errorPercent") == null ? "" : point.get("errorPercent")))
			.toList();
		return List.of(
				Section
					.table("Forecast, this and next quarter",
							"The whole business, partner and direct deals, in the reporting currency.", columns, rows)
					.charted("bar"),
				forecastChange(viewer, Scope.PROGRAM, quarter),
				Section.table("Largest commits", "Open partner deals called commit and due this quarter.", DEAL_COLUMNS,
						this.cadence.commitsDue(null, quarter.end(), 10)),
				Section.table("Last quarter's forecast accuracy", accuracy.isEmpty()
						? "Not measured: " + measured.reason() + "."
						: "Forecast (closed plus weighted pipeline) in weeks 1, 5 and 9 of "
								+ quarter.previous().label()
								+ " against what closed; a week without a snapshot is left out, never renumbered.",
						List.of(Column.count("Week"), Column.money("Forecast"), Column.money("Actual"),
								Column.percent("Error")),
						accuracy));
	}

	private Section rollUp(Viewer viewer, Scope scope, QuarterCalendar quarter) {
		var figures = this.forecasts.rollUp(viewer, scope, quarter.start());
		var columns = new ArrayList<>(FORECAST_COLUMNS);
		columns.set(0, Column.text("Quarter"));
		return Section
			.table("Forecast for " + quarter.label(),
					scope.kind() == Scope.Kind.PROGRAM ? "The whole business, partner and direct deals."
							: "Partner deals of the book.",
					columns, List.of(figureRow(quarter.label(), figures)))
			.charted("columns");
	}

	private Section forecastChange(Viewer viewer, Scope scope, QuarterCalendar quarter) {
		var rows = new ArrayList<List<Object>>();
		var snapshots = this.forecasts.snapshots(viewer, scope, quarter.start());
		snapshots.subList(Math.max(0, snapshots.size() - 2), snapshots.size())
			.forEach(s -> rows.add(figureRow(
					s.get("weekOfQuarter") == null ? "Taken " + s.get("takenOn") + ", before the quarter began"
							: "Week " + s.get("weekOfQuarter") + " (from " + s.get("week") + ")",
					s)));
		rows.add(figureRow("Now", this.forecasts.rollUp(viewer, scope, quarter.start())));
		return Section.table("Changes to the quarter's forecast",
				snapshots.isEmpty() ? "No weekly snapshot yet this quarter; only today's figures."
						: "The last weekly snapshots against today.",
				FORECAST_COLUMNS, rows)
			.charted("bar");
	}

	private Section helpNeeded(Long pam) {
		var norms = new StringBuilder();
		this.process.stages()
			.stream()
			.filter(s -> !s.closed())
			.forEach(s -> norms.append(norms.length() == 0 ? "" : ", ")
				.append("('")
				.append(s.code().name())
				.append("', ")
				.append(s.normDays())
				.append(", '")
				.append(s.ownerRole().name())
				.append("', CAST('")
				.append(StageNorm.stalledIfEnteredBy(this.clock.instant(), s.normDays()))
				.append("' AS TIMESTAMPTZ))"));
		return Section.table("Help needed: deals past their stage's norm",
				"The role that owns the stage must act; the longest-stuck " + LIST_LIMIT + ".",
				List.of(Column.text("Deal"), Column.text("Partner"), Column.code("Stage"),
						Column.count("Days in stage"), Column.count("Norm (days)"), Column.text("Owner"),
						Column.code("Who must act")),
				this.cadence.stalled(pam, norms.toString(), this.clock.instant(), LIST_LIMIT));
	}

	private static List<Object> figureRow(String label, java.util.Map<String, ?> figures) {
		return List.of(label, figures.get("closed"), figures.get("commit"), figures.get("bestCase"),
				figures.get("weighted"));
	}

	private static Scope scope(Long pam) {
		return pam == null ? Scope.PROGRAM : new Scope(Scope.Kind.PAM, pam);
	}

	private LocalDate today() {
		return this.calendar.today();
	}

}
