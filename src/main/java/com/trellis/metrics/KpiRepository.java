package com.trellis.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
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

	private static final String AMOUNT = ReportingCurrency.DEAL_AMOUNT;

	/** What makes a deal overlap-sourced, said once for its count and its amount. */
	static final String OVERLAP_SOURCED_DEFINITION = "Deals that became overlap-sourced in the period: a partner of the slice was attached to the deal, or asked for co-sell help on it, by the vendor's staff after the partner's overlap with the deal's account (the account on the partner's list) had been shown.";

	private final JdbcClient jdbc;

	KpiRepository(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * {@code days} (shared with the forecast attainment's closed-won); every KPI's
	 * statement and the day-fact sums sent as one statement ({@link KpiBatch}).
	 */
	List<Kpi> some(Period period, Slice slice, java.util.Set<String> codes, DayFigures days) {
		var batch = new KpiBatch();
		var pending = prepare(batch, batch.group(period, slice), period, slice, codes, days);
		batch.run(this.jdbc);
		return pending.get();
	}

	/**
	 * The KPIs of several periods of one slice (a trend), oldest first as given, every
	 * period's statements sent as one statement; {@code days} holds each period's
	 * day-fact sums, in the same order.
	 */
	List<List<Kpi>> over(List<Period> periods, Slice slice, java.util.Set<String> codes, List<DayFigures> days) {
		var batch = new KpiBatch();
		var pending = new ArrayList<java.util.function.Supplier<List<Kpi>>>();
		for (int i = 0; i < periods.size(); i++) {
			pending.add(prepare(batch, batch.group(periods.get(i), slice), periods.get(i), slice, codes, days.get(i)));
		}
		batch.run(this.jdbc);
		return pending.stream().map(java.util.function.Supplier::get).toList();
	}

	/**
	 * Adds the statements of the wanted KPIs to {@code batch} (group {@code group}, bound
	 * to the period and slice); the KPIs, once the batch ran.
	 */
	private java.util.function.Supplier<List<Kpi>> prepare(KpiBatch batch, int group, Period period, Slice slice,
			java.util.Set<String> codes, DayFigures days) {
		var s = slice.predicate();
		if (DAY_CODES.stream().anyMatch(code -> wanted(codes, code))) {
			days.in(batch, group);
		}
		var activated = part(batch, group, codes, "ACTIVATED_PARTNERS", KpiSql.activated(slice), 2);
		var pipelines = wanted(codes, "PIPELINE_SOURCED") || wanted(codes, "PIPELINE_INFLUENCED")
				? batch.add(group, KpiSql.pipelines(slice), 3) : null;
		var velocity = part(batch, group, codes, "REGISTRATION_VELOCITY", KpiSql.registrationVelocity(slice), 1);
		var enablement = part(batch, group, codes, "ENABLEMENT_COMPLETION", KpiSql.enablementCompletion(slice), 2);
		var active = part(batch, group, codes, "ACTIVE_PARTNER_RATE", KpiSql.activePartners(slice), 2);
		var firstRevenue = part(batch, group, codes, "TIME_TO_FIRST_REVENUE", KpiSql.firstRevenue(slice), 1);
		var recruitment = part(batch, group, codes, "PARTNER_RECRUITMENT", """
				SELECT count(*) FROM partner p WHERE p.onboarded_on >= :fromDate AND p.onboarded_on < :toDate AND %s
				""".formatted(s), 1);
		var overlapDeals = part(batch, group, codes, "OVERLAP_SOURCED_DEALS", """
				SELECT count(*) FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
				WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
				""".formatted(s), 1);
		var overlapPipeline = part(batch, group, codes, "OVERLAP_SOURCED_PIPELINE", """
				SELECT COALESCE(sum(%s), 0) FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
				JOIN opportunity o ON o.id = s.opportunity_id JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE s.recorded_at >= :from AND s.recorded_at < :to AND %s
				""".formatted(AMOUNT, s), 1);
		// the median of each side, one row: (partner, direct)
		var cycle = part(batch, group, codes, "SALES_CYCLE",
				"SELECT max(t.m) FILTER (WHERE t.side = 'partner'), max(t.m) FILTER (WHERE t.side = 'direct') FROM ("
						+ KpiSql.salesCycle(slice) + ") AS t(m, side)",
				2);
		return () -> {
			var kpis = new ArrayList<Kpi>();
			kpis.add(activated == null ? null : ratio("ACTIVATED_PARTNERS", "Activated partners",
					"Onboarded partners (onboarded before the period ends, not prospect or sunset) with a closed-won deal in the 90 days before the period ends, as a share of those partners.",
					activated.get(0), activated.get(1)));
			if (pipelines != null) {
				if (wanted(codes, "PIPELINE_SOURCED")) {
					kpis.add(pipeline(true, pipelines.get(0), pipelines.get(2)));
				}
				if (wanted(codes, "PIPELINE_INFLUENCED")) {
					kpis.add(pipeline(false, pipelines.get(1), pipelines.get(2)));
				}
			}
			kpis.add(wanted(codes, "PARTNER_SOURCED_REVENUE") ? new Kpi("PARTNER_SOURCED_REVENUE",
					"Partner-sourced revenue",
					"Closed-won amount of deals credited as partner-sourced, closed in the period, in the reporting currency.",
					"MONEY", figure("MONEY", days.get().sourcedRevenue()), null, null, null) : null);
			kpis.add(single(velocity, "REGISTRATION_VELOCITY", "Deal registration velocity",
					"Median hours from a registration's submission to its approval (the approved opportunity), for registrations approved in the period.",
					"HOURS"));
			kpis.add(enablement == null ? null : ratio("ENABLEMENT_COMPLETION", "Enablement completion rate",
					"Partner users with a track role who, at the end of the period, hold every required item of their track (certifications not expired), as a share of those users.",
					enablement.get(0), enablement.get(1)));
			kpis.add(active == null ? null : ratio("ACTIVE_PARTNER_RATE", "Active partner rate",
					"Onboarded partners (not prospect or sunset) with any portal, tool or enablement activity in the 30 days before the period ends, as a share of those partners.",
					active.get(0), active.get(1)));
			kpis.add(wanted(codes, "WIN_RATE") ? compared("WIN_RATE", "Win rate: partner-sourced against direct",
					"Won deals as a share of won plus lost deals closed in the period: deals credited as partner-sourced, against direct deals without a partner (whole program).",
					"PERCENT", days.get().sourcedWinRate(), days.get().directWinRate()) : null);
			kpis.add(wanted(codes, "AVERAGE_DEAL_SIZE") ? compared("AVERAGE_DEAL_SIZE",
					"Average deal size: partner-involved against direct",
					"Average closed-won amount, in the reporting currency, of deals won in the period with a partner on them, against direct deals (whole program).",
					"MONEY", days.get().averageDealSize(), days.get().directAverageDealSize()) : null);
			kpis.add(single(firstRevenue, "TIME_TO_FIRST_REVENUE", "Time to first revenue",
					"Median days from onboarding to a partner's first closed-won deal (of an amount that counts: above zero and the minimum deal amount), for partners whose first win fell in the period.",
					"DAYS"));
			kpis.add(single(recruitment, "PARTNER_RECRUITMENT", "Partner recruitment",
					"Partners onboarded in the period.", "COUNT"));
			kpis.add(wanted(codes, "CO_SELL_SHARE") ? ratio("CO_SELL_SHARE", "Co-sell opportunity share",
					"Opportunities created in the period that carry co-sell credit (for the slice's partners), as a share of all opportunities created in the period.",
					days.get().coSellCreated(), days.get().created()) : null);
			kpis.add(single(overlapDeals, "OVERLAP_SOURCED_DEALS", "Overlap-sourced deals",
					OVERLAP_SOURCED_DEFINITION + " Counted: the deals.", "COUNT"));
			kpis.add(single(overlapPipeline, "OVERLAP_SOURCED_PIPELINE", "Overlap-sourced pipeline",
					OVERLAP_SOURCED_DEFINITION
							+ " Summed: the deals' amounts in the reporting currency, whatever their stage now.",
					"MONEY"));
			// measured against the forecast module's snapshots in Kpis
			kpis.add(new Kpi("FORECAST_ATTAINMENT", "Forecast attainment", ForecastAttainment.DEFINITION, "PERCENT",
					null, null, null, null));
			kpis.add(cycle == null ? null : compared("SALES_CYCLE", "Sales cycle: partner-involved against direct",
					"Median days from creation to close of deals won in the period with a partner on them, against direct deals (whole program).",
					"DAYS", cycle.get(0), cycle.get(1)));
			kpis.removeIf(kpi -> kpi == null || codes != null && !codes.contains(kpi.code()));
			return kpis;
		};
	}

	/** The KPIs read from the day-fact sums ({@link KpiDayFigures}). */
	private static final List<String> DAY_CODES = List.of("PARTNER_SOURCED_REVENUE", "WIN_RATE", "AVERAGE_DEAL_SIZE",
			"CO_SELL_SHARE");

	private static KpiBatch.Slot part(KpiBatch batch, int group, java.util.Set<String> codes, String code, String sql,
			int columns) {
		return wanted(codes, code) ? batch.add(group, sql, columns) : null;
	}

	private static Kpi single(KpiBatch.Slot slot, String code, String name, String definition, String unit) {
		return slot == null ? null : new Kpi(code, name, definition, unit, figure(unit, slot.get(0)), null, null, null);
	}

	/**
	 * The period's day-fact sums of the slice ({@link KpiDayFigures}), read on first use;
	 * its closed-won is every deal's for the program, the partner deals of the slice (a
	 * PAM's book: the scopes forecast snapshots are taken for) otherwise.
	 */
	DayFigures days(Period period, Slice slice) {
		return new DayFigures(period, slice);
	}

	private static Kpi pipeline(boolean sourced, BigDecimal num, BigDecimal den) {
		return new Kpi(sourced ? "PIPELINE_SOURCED" : "PIPELINE_INFLUENCED",
				sourced ? "Pipeline contribution: partner-sourced" : "Pipeline contribution: partner-influenced",
				"Share of the whole open pipeline (amount in the reporting currency, deals open now) credited as "
						+ (sourced ? "partner-sourced" : "influenced or co-sell") + " to the slice's partners.",
				"PERCENT", Percent.of(num, den), null, scale(num), scale(den))
			.ofAmounts();
	}

	private static Kpi ratio(String code, String name, String definition, BigDecimal num, BigDecimal den) {
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

		private KpiBatch.Slot slot;

		/**
		 * Reads the sums with the batch's other statements (group {@code group}: this
		 * period and slice), unless read already.
		 */
		void in(KpiBatch batch, int group) {
			if (this.figures == null && this.slot == null) {
				this.slot = batch.add(group, KpiDayFigures.sql(this.slice), KpiDayFigures.COLUMNS);
			}
		}

		KpiDayFigures get() {
			if (this.figures == null && this.slot != null && this.slot.filled()) {
				this.figures = KpiDayFigures.of(this.slot);
			}
			if (this.figures == null) {
				this.figures = KpiDayFigures.read(KpiRepository.this.jdbc, this.period, this.slice);
			}
			return this.figures;
		}

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

	/**
	 * Binds every parameter a KPI, drill-down or funnel query over a period and slice may
	 * use.
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Period period, Slice slice) {
		return bind(spec, period, slice, "");
	}

	/**
	 * As {@link #bind(JdbcClient.StatementSpec, Period, Slice)}, each parameter's name
	 * ending in {@code suffix} (a {@link KpiBatch}'s group of another period).
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Period period, Slice slice, String suffix) {
		return spec.param("from" + suffix, Timestamp.from(period.start()))
			.param("to" + suffix, Timestamp.from(period.end()))
			.param("fromDate" + suffix, Date.valueOf(period.from()))
			.param("toDate" + suffix, Date.valueOf(period.until()))
			.param("sliceValue" + suffix, slice.value() == null ? "" : slice.value())
			.param("sliceBook" + suffix, slice.book() == null ? "" : String.valueOf(slice.book()))
			.param("cohortFrom" + suffix, slice.cohort() == null ? null : Date.valueOf(slice.cohort().start()),
					java.sql.Types.DATE)
			.param("cohortTo" + suffix, slice.cohort() == null ? null : Date.valueOf(slice.cohort().end()),
					java.sql.Types.DATE)
			.param("asOf" + suffix, Timestamp.from(period.asOf()))
			.param("asOfMinus30" + suffix, Timestamp.from(period.asOfMinusDays(30)))
			.param("asOfMinus90" + suffix, Timestamp.from(period.asOfMinusDays(90)))
			.param("asOfDate" + suffix, Date.valueOf(java.time.LocalDate.ofInstant(period.asOf(), period.zone())))
			.param("zone" + suffix, period.zone().getId());
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
