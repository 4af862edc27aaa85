package com.trellis.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

import com.trellis.shared.Reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The program's activated partners ({@value #ACTIVATED}) and active partner rate
 * ({@value #ACTIVE}) of several periods from one statement: what a KPI trend of either
 * code shows for the program.
 * <p>
 * Per period, in the order given: the KPI as {@link KpiRepository} computes it for the
 * period alone (a percentage of onboarded partners, its numerator and denominator as
 * counts), read with {@link KpiRecencySql#recencyWindows} over the same kept counts and
 * pauses as {@link KpiSql#activated} and {@link KpiSql#activePartners}: each period's
 * as-of moment ({@link Period#asOf()}), its window start 90 days (activated) or 30 days
 * (active) before in the business zone, and its as-of day.
 * <p>
 * Why: each period was one statement, and for a past period each statement joined the
 * pauses ending after its as-of moment (thousands) with every counted partner (a hash of
 * about 31,000 rows on the large data) and read the partners onboarded after it: five
 * such statements of 30-60 ms each made most of the KPI page's time (kpi30). One
 * statement still joined all periods' pauses with the counted partners; the covering
 * pauses are now read from the kept counts per UTC day of the pauses' starts and ends
 * (V252, kpi31), the per-partner reads left only for the partners onboarded after a
 * period's as-of day.
 */
@Component
class RecencyTrend {

	static final String ACTIVATED = "ACTIVATED_PARTNERS";

	static final String ACTIVE = "ACTIVE_PARTNER_RATE";

	static final String ACTIVATED_NAME = "Activated partners";

	static final String ACTIVATED_DEFINITION = "Onboarded partners (onboarded before the period ends, not prospect or sunset) with a closed-won deal in the 90 days before the period ends, as a share of those partners.";

	static final String ACTIVE_NAME = "Active partner rate";

	static final String ACTIVE_DEFINITION = "Onboarded partners (not prospect or sunset) with any portal, tool or enablement activity in the 30 days before the period ends, as a share of those partners.";

	private final JdbcClient jdbc;

	RecencyTrend(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether this reads the trend of {@code code} for {@code slice}: the program's two.
	 */
	static boolean reads(String code, Slice slice) {
		return KpiSql.program(slice) && (ACTIVATED.equals(code) || ACTIVE.equals(code));
	}

	/**
	 * The KPI {@code code} (one of the two) over each of {@code periods} (each measured:
	 * {@link Period#at}), in order, for the program.
	 */
	List<Kpi> of(String code, List<Period> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		boolean activated = ACTIVATED.equals(code);
		var sql = activated ? KpiRecencySql.recencyWindows("W", "win_at", "partner_win_gap", 88, periods.size())
				: KpiRecencySql.recencyWindows("A", "activity_at", "partner_activity_gap", 28, periods.size());
		var spec = this.jdbc.sql(sql);
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			spec = spec.param("asOf" + i, Timestamp.from(period.asOf()))
				.param("start" + i, Timestamp.from(period.asOfMinusDays(activated ? 90 : 30)))
				.param("asOfDate" + i, Date.valueOf(java.time.LocalDate.ofInstant(period.asOf(), period.zone())));
		}
		return spec.query((rs, n) -> activated
				? KpiRepository.ratio(code, ACTIVATED_NAME, ACTIVATED_DEFINITION, rs.getBigDecimal(2),
						rs.getBigDecimal(3))
				: KpiRepository.ratio(code, ACTIVE_NAME, ACTIVE_DEFINITION, rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
	}

}
