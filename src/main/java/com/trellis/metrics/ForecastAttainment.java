package com.trellis.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.trellis.shared.ReportingCurrency;
import com.trellis.forecast.CommittedForecast;

/**
 * Forecast attainment: closed-won in a quarter against the commit forecast of the
 * quarter's first weekly snapshot (closed so far plus the deals called commit and
 * expected to close in it). Snapshots are per quarter and per program or PAM book, so the
 * KPI is available only for calendar quarters and for those slices; otherwise it says why
 * not.
 */
final class ForecastAttainment {

	static final String DEFINITION = "Closed-won in the quarter against the commit forecast of the quarter's first weekly snapshot (what had closed plus the deals called commit, expected to close in the quarter), in the reporting currency; for the program or a PAM's book.";

	private ForecastAttainment() {
	}

	/** Why the KPI cannot be measured for this period and slice, or null when it can. */
	static String unavailable(Period period, Slice slice) {
		var quarter = Period.quarter(period.from());
		if (!quarter.from().equals(period.from()) || !quarter.to().equals(period.to())) {
			return "the forecast is committed per quarter: choose a calendar quarter";
		}
		if (slice.kind() != Slice.Kind.PROGRAM && slice.kind() != Slice.Kind.PAM) {
			return "forecast snapshots are taken for the program and each PAM's book, not per "
					+ slice.kind().name().toLowerCase(java.util.Locale.ROOT);
		}
		return null;
	}

	static Kpi of(Period period, Slice slice, CommittedForecast snapshot, BigDecimal closedWon) {
		var reason = unavailable(period, slice);
		if (reason == null && snapshot == null) {
			reason = "no forecast snapshot was taken in the quarter";
		}
		if (reason != null) {
			return new Kpi("FORECAST_ATTAINMENT", "Forecast attainment", DEFINITION + " Not available: " + reason + ".",
					"PERCENT", null, null, null, null);
		}
		var committed = snapshot.total();
		var value = committed.signum() == 0 ? null
				: closedWon.multiply(BigDecimal.valueOf(100)).divide(committed, 1, RoundingMode.HALF_UP);
		return new Kpi("FORECAST_ATTAINMENT", "Forecast attainment",
				DEFINITION + " Committed in the snapshot of the week of " + snapshot.weekStart() + ".", "PERCENT",
				value, null, ReportingCurrency.round(closedWon), ReportingCurrency.round(committed));
	}

}
