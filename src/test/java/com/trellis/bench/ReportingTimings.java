package com.trellis.bench;

import java.util.LinkedHashMap;
import java.util.Locale;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporting benchmark's one-at-a-time timings: the forecast model's refresh on a
 * close, and each KPI's own SQL (milliseconds, and as a multiple of the run's
 * sequential-scan floor).
 */
final class ReportingTimings {

	private ReportingTimings() {
	}

	/**
	 * Twenty open deals closed as won, each in its own rolled-back transaction: the time
	 * of the forecast counts' refresh for the closed deal alone ([0]) and of the whole
	 * close with its facts and counts ([1]).
	 */
	static Samples[] closes(JdbcClient jdbc, TransactionTemplate transactions, Deals deals, Viewer admin) {
		var ids = jdbc.sql("SELECT id FROM opportunity WHERE stage = 'COMMIT' ORDER BY id DESC LIMIT 20")
			.query(Long.class)
			.list();
		long[] refresh = new long[ids.size()];
		long[] whole = new long[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			int at = i;
			transactions.executeWithoutResult(status -> {
				status.setRollbackOnly();
				whole[at] = time(() -> deals.moveStage(admin, id, Stage.COMMIT, Stage.CLOSED_WON, "benchmark", false));
				refresh[at] = time(() -> jdbc.sql("SELECT forecast_counts_refresh(ARRAY[CAST(:id AS BIGINT)])")
					.param("id", id)
					.query()
					.singleRow());
			});
		}
		return new Samples[] { new Samples(refresh, 0), new Samples(whole, 0) };
	}

	/** Each KPI's own SQL for the program and the current quarter, one run each. */
	static String perKpi(JdbcClient jdbc, Kpis kpis, Viewer admin, double floorMillis) {
		var period = Period.quarter(com.trellis.shared.FiscalQuarter
			.containing(java.time.LocalDate.now(java.time.ZoneOffset.UTC), java.time.Month.JANUARY));
		var out = new StringBuilder();
		// the program, then the book of the first PAM the concurrent run asked for (each
		// statement of a PAM's request, one at a time)
		var pam = jdbc.sql("SELECT id FROM app_user WHERE role = 'PAM' AND enabled ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional();
		var slices = new LinkedHashMap<String, Slice>();
		slices.put("admin, program", Slice.PROGRAM);
		pam.ifPresent(id -> slices.put("admin, PAM " + id + "'s book", new Slice(Slice.Kind.PAM, String.valueOf(id))));
		for (var slice : slices.entrySet()) {
			out.append(String.format(Locale.ROOT, "%nOne KPI at a time (%s):%n", slice.getKey()));
			for (var kpi : kpis.compute(admin, period, slice.getValue())) {
				long nanos = time(() -> kpis.compute(admin, period, slice.getValue(), java.util.Set.of(kpi.code())));
				out.append(String.format(Locale.ROOT, "  %-28s %10.1f ms %8.2f x scan  (%s / %s)%n", kpi.code(),
						nanos / 1e6, nanos / 1e6 / floorMillis, kpi.value(), kpi.baseline()));
			}
		}
		var zone = java.time.ZoneId.of(jdbc.sql("SELECT zone FROM fact_setting").query(String.class).single());
		out.append(SalesCycleCheck.before(jdbc, period.from().atStartOfDay(zone).toInstant(),
				period.until().atStartOfDay(zone).toInstant()));
		out.append(KeptKpiCheck.before(jdbc, period.from(), period.until(), zone));
		return out.toString();
	}

	private static long time(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return System.nanoTime() - started;
	}

}
