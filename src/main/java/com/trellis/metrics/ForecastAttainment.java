package com.trellis.metrics;

import java.math.BigDecimal;

import com.trellis.shared.Percent;
import com.trellis.shared.ReportingCurrency;
import com.trellis.forecast.CommittedForecast;
import com.trellis.forecast.OpeningSnapshot;
import com.trellis.shared.FiscalQuarter;

/**
 * Forecast attainment: closed-won in a quarter against the commit forecast of the
 * quarter's first weekly snapshot (closed so far plus the deals called commit and
 * expected to close in it). Snapshots are per quarter and per program or PAM book, so the
 * KPI is available only for fiscal quarters and for those slices. The commitment must
 * have been made at the quarter's start ({@link OpeningSnapshot}, the rule forecast
 * against actual uses too), so the KPI says why it is not shown otherwise. While the
 * quarter runs, the figure is closed-won so far.
 */
final class ForecastAttainment {

	static final String DEFINITION = "Closed-won in the quarter against the commit forecast of the quarter's first weekly snapshot (what had closed plus the deals called commit, expected to close in the quarter), in the reporting currency; for the program or a PAM's book.";

	private ForecastAttainment() {
	}

	/** Why the KPI cannot be measured for this period and slice, or null when it can. */
	static String unavailable(Period period, Slice slice, FiscalQuarter quarter) {
		if (!quarter.start().equals(period.from()) || !quarter.end().equals(period.until())) {
			return "the forecast is committed per quarter: choose a fiscal quarter";
		}
		if (slice.kind() != Slice.Kind.PROGRAM && slice.kind() != Slice.Kind.PAM) {
			return "forecast snapshots are taken for the program and each PAM's book, not per "
					+ slice.kind().name().toLowerCase(java.util.Locale.ROOT);
		}
		return null;
	}

	static Kpi of(Period period, Slice slice, FiscalQuarter quarter, CommittedForecast snapshot, BigDecimal closedWon) {
		var reason = unavailable(period, slice, quarter);
		if (reason == null && snapshot == null) {
			reason = "no forecast snapshot was taken in " + quarter.label();
		}
		if (reason == null) {
			reason = OpeningSnapshot.judge(quarter, snapshot.weekStart()).reason();
		}
		if (reason != null) {
			return new Kpi("FORECAST_ATTAINMENT", "Forecast attainment", DEFINITION + " Not available: " + reason + ".",
					"PERCENT", null, null, null, null, null, reason);
		}
		var committed = snapshot.total();
		var value = Percent.of(closedWon, committed);
		var soFar = period.unfinished() ? " The quarter is not over: closed-won so far, as of "
				+ period.asOf().atZone(period.zone()).toLocalDate() + "." : "";
		return new Kpi("FORECAST_ATTAINMENT", "Forecast attainment",
				DEFINITION + " Committed in the snapshot of week "
						+ OpeningSnapshot.judge(quarter, snapshot.weekStart()).week() + " (the week of "
						+ snapshot.weekStart() + ")." + soFar,
				"PERCENT", value, null, ReportingCurrency.round(closedWon), ReportingCurrency.round(committed),
				ReportingCurrency.CODE, value == null ? "the commit forecast of the snapshot is zero" : null);
	}

}
