package com.trellis.cadence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.trellis.cadence.Pack.Column;
import com.trellis.cadence.Pack.Section;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.partners.Partners;
import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * The business reviews' sections (MBR and QBR, and the executive leadership review):
 * revenue attribution, program ROI and cost, growth and share of revenue, and the KPIs.
 */
@Component
class ReviewContent {

	private final CadenceRepository cadence;

	private final Kpis kpis;

	private final Partners partners;

	private final BusinessCalendar calendar;

	ReviewContent(CadenceRepository cadence, Kpis kpis, Partners partners, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.cadence = cadence;
		this.kpis = kpis;
		this.partners = partners;
	}

	/** The part of the quarter a pack of a week reports on, capped at now. */
	private ReportWindow window(QuarterCalendar quarter, int week) {
		return ReportWindow.of(quarter.start(), quarter.weekStart(week), this.calendar.now(), this.calendar.zone());
	}

	List<Section> businessReview(Viewer viewer, QuarterCalendar quarter, int week) {
		var window = window(quarter, week);
		var to = window.endDay();
		var label = window.note();
		var attribution = this.cadence.attribution(quarter.start(), to);
		var revenue = PackMath.sum(attribution, 2);
		var attributionRows = attribution.stream()
			.map(r -> List.<Object>of(r.get(0), r.get(1), r.get(2), PackMath.share((BigDecimal) r.get(2), revenue)))
			.toList();
		var cost = this.cadence.programCost(quarter.start(), to);
		var totalCost = PackMath.sum(cost, 2);
		var partnerRevenue = attribution.stream()
			.filter(r -> !"DIRECT".equals(r.get(0)))
			.map(r -> (BigDecimal) r.get(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var sourced = attribution.stream()
			.filter(r -> "SOURCED".equals(r.get(0)))
			.map(r -> (BigDecimal) r.get(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var roi = List.<List<Object>>of(List.of(partnerRevenue, sourced, totalCost,
				totalCost.signum() == 0 ? "" : partnerRevenue.divide(totalCost, 1, RoundingMode.HALF_UP),
				totalCost.signum() == 0 ? "" : sourced.divide(totalCost, 1, RoundingMode.HALF_UP)));
		return List.of(
				Section.table("Revenue attribution", "Closed-won revenue from " + label + " by partner credit.",
						List.of(Column.code("Credit"), Column.count("Deals"), Column.money("Revenue"),
								Column.percent("Share")),
						attributionRows)
					.charted("bar"),
				Section.table("Program ROI",
						totalCost.signum() == 0 ? "No incentive cost was recorded from " + label + "."
								: "Partner-involved and partner-sourced revenue per unit of program cost, " + label
										+ ".",
						List.of(Column.money("Partner-involved revenue"), Column.money("Partner-sourced revenue"),
								Column.money("Program cost"), Column.number("Involved / cost (x)"),
								Column.number("Sourced / cost (x)")),
						roi),
				Section.table("Program cost",
						"Incentive earnings (SPIFF, referral, rebate, MDF reimbursements, net of reversals), "
								+ label + ".",
						List.of(Column.code("Kind"), Column.count("Entries"), Column.money("Amount")), cost),
				kpiSection(viewer, window),
				Section.table("Partner satisfaction",
						"Not measured: Trellis records no partner satisfaction survey yet.",
						List.of(Column.text("Survey"), Column.text("Score")), List.of()));
	}

	List<Section> eltReview(Viewer viewer, QuarterCalendar quarter, int week) {
		var window = window(quarter, week);
		var periods = new LinkedHashMap<String, java.time.Instant>();
		periods.put(quarter.label() + (window.capped() ? " so far" : " to date"), window.start());
		periods.put(quarter.previous().label() + ", same part", this.calendar.startOf(quarter.previous().start()));
		periods.put(quarter.yearBefore().label() + ", same part", this.calendar.startOf(quarter.yearBefore().start()));
		var rows = new ArrayList<List<Object>>();
		var shares = new ArrayList<BigDecimal>();
		periods.forEach((name, from) -> {
			var growth = this.cadence.growth(from, window.sameElapsedFrom(from));
			var share = PackMath.share(growth.get("partnerRevenue"), growth.get("revenue"));
			shares.add(share);
			rows.add(List.of(name, growth.get("onboarded"), growth.get("partnerRevenue"), growth.get("revenue"),
					share == null ? "" : share));
		});
		var span = !window.started() ? "Nothing to compare yet: " + window.note() + "."
				: window.capped()
						? "Each quarter up to the same point as " + quarter.label() + " has reached now: its first "
								+ window.days() + " days (" + window.note() + ")."
						: "The first " + window.days() + " days of each quarter.";
		var gain = shares.get(0) == null || shares.get(1) == null ? "not measurable yet"
				: shares.get(0).subtract(shares.get(1)).toPlainString() + " points against last quarter";
		var statuses = new ArrayList<List<Object>>();
		this.partners.countByLifecycle(viewer, null).forEach((status, count) -> statuses.add(List.of(status, count)));
		return List.of(
				Section
					.table("Program growth", span + " Partner share of revenue: " + gain + ".",
							List.of(Column.text("Period"), Column.count("Partners onboarded"),
									Column.money("Partner-involved revenue"), Column.money("All revenue"),
									Column.percent("Partner share")),
							rows)
					.charted("bar"),
				Section
					.table("Partners by lifecycle status", "Today.",
							List.of(Column.code("Status"), Column.count("Partners")), statuses)
					.charted("bar"),
				kpiSection(viewer, window));
	}

	private Section kpiSection(Viewer viewer, ReportWindow window) {
		var columns = List.of(Column.text("KPI"), Column.text("Unit"), Column.number("Value"),
				Column.number("Direct baseline"), Column.text("Why no value"));
		if (!window.started()) {
			return Section.table("Program KPIs", "Not measured: " + window.note() + ".", columns, List.of());
		}
		var period = Period.until(window.firstDay(), window.endDay());
		var rows = this.kpis.compute(viewer, period, Slice.PROGRAM)
			.stream()
			.map(kpi -> List.<Object>of(kpi.name(), unit(kpi), orBlank(kpi.value()), orBlank(kpi.baseline()),
					kpi.reason() == null ? "" : kpi.reason()))
			.toList();
		return Section.table("Program KPIs", "From " + window.note() + "; see docs/metrics.md.", columns, rows);
	}

	/** The unit a KPI's value is in, so the value itself stays a plain number. */
	private static String unit(Kpi kpi) {
		return switch (kpi.unit()) {
			case "PERCENT" -> "%";
			case "MONEY" -> ReportingCurrency.CODE;
			case "DAYS" -> "days";
			case "HOURS" -> "hours";
			default -> "";
		};
	}

	private static Object orBlank(BigDecimal value) {
		return value == null ? "" : value;
	}

}
