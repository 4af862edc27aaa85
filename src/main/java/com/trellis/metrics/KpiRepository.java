package com.trellis.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.Reporting;
import com.trellis.shared.Percent;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind each KPI. Amounts are converted into the reporting currency with
 * {@code exchange_rate}; deals in a currency without a rate are left out. Sums and counts
 * over a period read the daily deal facts (module {@code facts}): the program's
 * ({@code program_day_fact}) for the program and for every direct baseline and
 * program-wide denominator, the slice's partners' ({@code partner_day_fact}, through each
 * partner's index) for any other slice, and {@code open_pipeline_fact} for the pipeline
 * now. The program's medians (sales cycle, registration velocity) read kept histograms
 * and then only the middle bucket's deals or registrations, a slice's its partners' rows;
 * the program's activated and active partners read kept counts per day of each partner's
 * latest win or activity; each partner's first counted win, the program's enablement days
 * and each user's held days read their kept facts ({@link KpiSql}). Every query binds the
 * period as {@code :from}/{@code :to} (timestamps) and {@code :fromDate}/{@code :toDate};
 * trailing windows end at {@code :asOf}, the period's end or now while it is still
 * running.
 */
@Repository
class KpiRepository {

	/** What makes a deal overlap-sourced, said once for its count and its amount. */
	static final String OVERLAP_SOURCED_DEFINITION = "Deals that became overlap-sourced in the period: a partner of the slice was attached to the deal, or asked for co-sell help on it, by the vendor's staff after the partner's overlap with the deal's account (the account on the partner's list) had been shown.";

	private final JdbcClient jdbc;

	KpiRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Has the rest of the caller's transaction plan each statement for its own parameters
	 * ({@code plan_cache_mode = force_custom_plan}) and price an index probe close to a
	 * sequential page ({@code random_page_cost = 1.1}); both end with the transaction
	 * ({@code set_config(..., true)}), and change no figure, only how it is read. Why:
	 * the driver prepares a statement on the server after a few executions, and
	 * PostgreSQL may then keep one plan for any parameters; for a PAM's book it chose to
	 * read the whole quarter's won deals (81,450 on the large demo) or approvals (60,468)
	 * and keep the book's, 75 ms and 20 ms against 2-3 ms and 1 ms planned for the
	 * values. And at the default price of a random read (4, a spinning disk's) the
	 * planner read every row of {@code open_pipeline_fact} (60,903) or
	 * {@code partner_activity_fact} (37,734) for a book's 201 partners instead of probing
	 * each partner's key (16 and 14 ms against 1 ms), where the facts are read from
	 * memory. Without a transaction (a replica's pool in auto-commit) the settings end
	 * with their own statement and the statements are planned as before.
	 */
	void planForParameters() {
		this.jdbc
			.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
					+ "set_config('random_page_cost', '1.1', true)")
			.query()
			.singleRow();
	}

	/**
	 * Only the KPIs whose codes are given (all when null): each one's SQL runs only when
	 * asked for.
	 */
	List<Kpi> some(Period period, Slice slice, java.util.Set<String> codes) {
		return some(period, slice, codes, days(period, slice));
	}

	/**
	 * As {@link #some(Period, Slice, java.util.Set)}, the day-fact sums read through
	 * {@code days} (shared with the forecast attainment's closed-won).
	 */
	List<Kpi> some(Period period, Slice slice, java.util.Set<String> codes, DayFigures days) {
		// every KPI of a slice's partners from one statement that reads the slice's
		// partners once (a PAM's book), the day figures with them
		var book = KpiBookFigures.reads(slice, codes) ? KpiBookFigures.read(this.jdbc, period, slice) : null;
		if (book != null) {
			days.known(book.days());
		}
		return some(period, slice, codes, days, book);
	}

	private List<Kpi> some(Period period, Slice slice, java.util.Set<String> codes, DayFigures days,
			KpiBookFigures book) {
		var kpis = new ArrayList<Kpi>();
		var s = slice.predicate();
		kpis.add(ratio(codes, RecencyTrend.ACTIVATED, RecencyTrend.ACTIVATED_NAME, RecencyTrend.ACTIVATED_DEFINITION,
				KpiSql.activated(slice), period, slice, book));
		kpis.addAll(pipelines(codes, period, slice, book));
		kpis.add(wanted(codes, SourcedRevenueTrend.CODE) ? SourcedRevenueTrend.kpi(days.get().sourcedRevenue()) : null);
		kpis.add(single(codes, "REGISTRATION_VELOCITY", "Deal registration velocity",
				"Median hours from a registration's submission to its approval (the approved opportunity), for registrations approved in the period.",
				"HOURS", KpiSql.registrationVelocity(slice), period, slice, book));
		kpis.add(ratio(codes, "ENABLEMENT_COMPLETION", "Enablement completion rate",
				"Partner users with a track role who, at the end of the period, hold every required item of their track (certifications not expired), as a share of those users.",
				KpiSql.enablementCompletion(slice), period, slice, book));
		kpis.add(ratio(codes, RecencyTrend.ACTIVE, RecencyTrend.ACTIVE_NAME, RecencyTrend.ACTIVE_DEFINITION,
				KpiSql.activePartners(slice), period, slice, book));
		kpis.add(wanted(codes, "WIN_RATE") ? compared("WIN_RATE", "Win rate: partner-sourced against direct",
				"Won deals as a share of won plus lost deals closed in the period: deals credited as partner-sourced, against direct deals without a partner (whole program).",
				"PERCENT", days.get().sourcedWinRate(), days.get().directWinRate()) : null);
		kpis.add(wanted(codes, "AVERAGE_DEAL_SIZE") ? compared("AVERAGE_DEAL_SIZE",
				"Average deal size: partner-involved against direct",
				"Average closed-won amount, in the reporting currency, of deals won in the period with a partner on them, against direct deals (whole program).",
				"MONEY", days.get().averageDealSize(), days.get().directAverageDealSize()) : null);
		kpis.add(single(codes, "TIME_TO_FIRST_REVENUE", "Time to first revenue",
				"Median days from onboarding to a partner's first closed-won deal (of an amount that counts: above zero and the minimum deal amount), for partners whose first win fell in the period.",
				"DAYS", KpiSql.firstRevenue(slice), period, slice, book));
		kpis.add(single(codes, "PARTNER_RECRUITMENT", "Partner recruitment", "Partners onboarded in the period.",
				"COUNT", KpiStatements.recruitment(KpiSql.PARTNERS, s), period, slice, book));
		kpis.add(wanted(codes, "CO_SELL_SHARE") ? ratio("CO_SELL_SHARE", "Co-sell opportunity share",
				"Opportunities created in the period that carry co-sell credit (for the slice's partners), as a share of all opportunities created in the period.",
				days.get().coSellCreated(), days.get().created()) : null);
		kpis.add(single(codes, "OVERLAP_SOURCED_DEALS", "Overlap-sourced deals",
				OVERLAP_SOURCED_DEFINITION + " Counted: the deals.", "COUNT",
				KpiStatements.overlapDeals(KpiSql.PARTNERS, s), period, slice, book));
		kpis.add(single(codes, "OVERLAP_SOURCED_PIPELINE", "Overlap-sourced pipeline",
				OVERLAP_SOURCED_DEFINITION
						+ " Summed: the deals' amounts in the reporting currency, whatever their stage now.",
				"MONEY", KpiStatements.overlapPipeline(KpiSql.PARTNERS, s), period, slice, book));
		// measured against the forecast module's snapshots in Kpis
		kpis.add(new Kpi("FORECAST_ATTAINMENT", "Forecast attainment", ForecastAttainment.DEFINITION, "PERCENT", null,
				null, null, null));
		kpis.add(median(codes, "SALES_CYCLE", "Sales cycle: partner-involved against direct",
				"Median days from creation to close of deals won in the period with a partner on them, against direct deals (whole program).",
				"DAYS", KpiSql.salesCycle(slice), period, slice, book));
		kpis.removeIf(kpi -> kpi == null || codes != null && !codes.contains(kpi.code()));
		return kpis;
	}

	/**
	 * The period's day-fact sums of the slice ({@link KpiDayFigures}), read on first use;
	 * its closed-won is every deal's for the program, the partner deals of the slice (a
	 * PAM's book: the scopes forecast snapshots are taken for) otherwise.
	 */
	DayFigures days(Period period, Slice slice) {
		return new DayFigures(period, slice);
	}

	/**
	 * Both pipeline contributions (sourced; influenced or co-sell) from one pass over the
	 * open pipeline facts: the slice's share of the whole open pipeline.
	 */
	private List<Kpi> pipelines(java.util.Set<String> codes, Period period, Slice slice, KpiBookFigures book) {
		boolean sourced = codes == null || codes.contains("PIPELINE_SOURCED");
		boolean influenced = codes == null || codes.contains("PIPELINE_INFLUENCED");
		if (!sourced && !influenced) {
			return List.of();
		}
		var sql = KpiStatements.pipelines(KpiSql.sliceOpenPipeline(slice), KpiSql.partnerInvolved(slice));
		var values = values(book, KpiBookFigures.PIPELINES, sql, period, slice);
		var all = values[2];
		var kpis = new ArrayList<Kpi>();
		if (sourced) {
			kpis.add(pipeline(true, values[0], all));
		}
		if (influenced) {
			kpis.add(pipeline(false, values[1], all));
		}
		return kpis;
	}

	/**
	 * The figures of one statement: read from {@code book} when it holds them (the
	 * slice's one statement), otherwise by running {@code sql} (its one row's columns).
	 */
	private BigDecimal[] values(KpiBookFigures book, String key, String sql, Period period, Slice slice) {
		if (book != null) {
			return book.of(key);
		}
		return KpiStatements.bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> {
			var row = new BigDecimal[rs.getMetaData().getColumnCount()];
			for (int i = 0; i < row.length; i++) {
				row[i] = rs.getBigDecimal(i + 1);
			}
			return row;
		}).list().get(0);
	}

	private static Kpi pipeline(boolean sourced, BigDecimal num, BigDecimal den) {
		return new Kpi(sourced ? "PIPELINE_SOURCED" : "PIPELINE_INFLUENCED",
				sourced ? "Pipeline contribution: partner-sourced" : "Pipeline contribution: partner-influenced",
				"Share of the whole open pipeline (amount in the reporting currency, deals open now) credited as "
						+ (sourced ? "partner-sourced" : "influenced or co-sell") + " to the slice's partners.",
				"PERCENT", Percent.of(num, den), null, scale(num), scale(den))
			.ofAmounts();
	}

	private Kpi ratio(java.util.Set<String> codes, String code, String name, String definition, String sql,
			Period period, Slice slice, KpiBookFigures book) {
		if (!wanted(codes, code)) {
			return null;
		}
		var values = values(book, code, sql, period, slice);
		return ratio(code, name, definition, values[0], values[1]);
	}

	static Kpi ratio(String code, String name, String definition, BigDecimal num, BigDecimal den) {
		return new Kpi(code, name, definition, "PERCENT", Percent.of(num, den), null, scale(num), scale(den));
	}

	private static boolean wanted(java.util.Set<String> codes, String code) {
		return codes == null || codes.contains(code);
	}

	/**
	 * The period's daily-fact sums ({@link KpiDayFigures}), read on first use: once per
	 * request whichever of its figures are asked for, never when none is.
	 */
	final class DayFigures {

		private final Period period;

		private final Slice slice;

		private KpiDayFigures figures;

		DayFigures(Period period, Slice slice) {
			this.period = period;
			this.slice = slice;
		}

		/** Takes the figures read with the slice's other KPIs (unless already read). */
		void known(KpiDayFigures figures) {
			if (this.figures == null) {
				this.figures = figures;
			}
		}

		KpiDayFigures get() {
			if (this.figures == null) {
				this.figures = KpiDayFigures.read(KpiRepository.this.jdbc, this.period, this.slice);
			}
			return this.figures;
		}

	}

	private Kpi single(java.util.Set<String> codes, String code, String name, String definition, String unit,
			String sql, Period period, Slice slice, KpiBookFigures book) {
		if (codes != null && !codes.contains(code)) {
			return null;
		}
		var value = values(book, code, sql, period, slice)[0];
		return new Kpi(code, name, definition, unit, figure(unit, value), null, null, null);
	}

	/**
	 * A median of the slice's partner deals against direct deals (whole program) over the
	 * period's closed deals: the whole statement given as {@code select}, one row per
	 * side {@code (median, side)} (see {@link KpiSql#salesCycle}).
	 */
	private Kpi median(java.util.Set<String> codes, String code, String name, String definition, String unit,
			String select, Period period, Slice slice, KpiBookFigures book) {
		if (!wanted(codes, code)) {
			return null;
		}
		if (book != null) {
			var sides = book.of(code);
			return compared(code, name, definition, unit, sides[0], sides[1]);
		}
		var sides = new java.util.HashMap<String, BigDecimal>();
		KpiStatements.bind(this.jdbc.sql(select), period, slice)
			.query((rs, n) -> sides.put(rs.getString("side"), rs.getBigDecimal(1)))
			.list();
		return compared(code, name, definition, unit, sides.get("partner"), sides.get("direct"));
	}

	/**
	 * A figure of the slice's partner deals against direct deals (whole program); a side
	 * without closed deals has no figure.
	 */
	private static Kpi compared(String code, String name, String definition, String unit, BigDecimal partner,
			BigDecimal direct) {
		var kpi = new Kpi(code, name, definition, unit, figure(unit, partner), figure(unit, direct), null, null);
		return partner != null ? kpi : new Kpi(code, name, definition, unit, null, figure(unit, direct), null, null,
				kpi.currency(), "no closed deals of the slice's partners in the period");
	}

	private static BigDecimal scale(BigDecimal value) {
		return value == null ? null : ReportingCurrency.round(value);
	}

	/**
	 * A figure of a unit: an amount, hours or days at two decimals; a percentage at full
	 * precision, rounded once by {@link Kpi} at {@link Percent#SCALE} (never 45.349 to
	 * 45.35 to 45.4).
	 */
	private static BigDecimal figure(String unit, BigDecimal value) {
		return "PERCENT".equals(unit) ? value : scale(value);
	}

}
