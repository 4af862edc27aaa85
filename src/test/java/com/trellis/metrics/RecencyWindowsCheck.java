package com.trellis.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link KpiRecencySql#recencyWindows} (the program's activated partners or active
 * partner rate of several periods in one statement, {@link RecencyTrend}) against the
 * one-period statement of the same KPI, bound as {@link KpiRepository#bind} binds it: for
 * every as-of moment given, in one statement, the same numerator and denominator.
 */
final class RecencyWindowsCheck {

	private RecencyWindowsCheck() {
	}

	static void assertWindowsEqualEachPeriod(JdbcClient jdbc, String code, List<Instant> asOfs, ZoneId zone,
			String when) {
		boolean activated = RecencyTrend.ACTIVATED.equals(code);
		int days = activated ? 90 : 30;
		var single = activated ? KpiSql.activated(Slice.PROGRAM) : KpiSql.activePartners(Slice.PROGRAM);
		var expected = new ArrayList<List<Object>>();
		for (var asOf : asOfs) {
			// both columns by position (unnamed, a row map would keep one)
			expected.add(jdbc.sql(single)
				.param("asOf", Timestamp.from(asOf))
				.param("asOfMinus30", Timestamp.from(asOf.atZone(zone).minusDays(30).toInstant()))
				.param("asOfMinus90", Timestamp.from(asOf.atZone(zone).minusDays(90).toInstant()))
				.param("asOfDate", Date.valueOf(LocalDate.ofInstant(asOf, zone)))
				.query((rs, n) -> List.<Object>of(rs.getObject(1), rs.getObject(2)))
				.single());
		}
		var spec = jdbc.sql(activated ? KpiRecencySql.recencyWindows("W", "win_at", "partner_win_gap", 88, asOfs.size())
				: KpiRecencySql.recencyWindows("A", "activity_at", "partner_activity_gap", 28, asOfs.size()));
		for (int i = 0; i < asOfs.size(); i++) {
			var asOf = asOfs.get(i);
			spec = spec.param("asOf" + i, Timestamp.from(asOf))
				.param("start" + i, Timestamp.from(asOf.atZone(zone).minusDays(days).toInstant()))
				.param("asOfDate" + i, Date.valueOf(LocalDate.ofInstant(asOf, zone)));
		}
		var windows = spec.query((rs, n) -> List.<Object>of(rs.getObject(2), rs.getObject(3))).list();
		assertThat(windows).as(when + ": " + code + " of every period in one statement, as of " + asOfs)
			.isEqualTo(expected);
	}

}
