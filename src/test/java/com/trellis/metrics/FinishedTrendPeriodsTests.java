package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.trellis.shared.BusinessCalendar;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program's activated partners and active partner rate of a finished period are kept
 * for their trends ({@link RecencyTrend}), the running period's read on every request:
 * the trend equals a reading without kept figures at first; after a partner onboarded
 * long before both periods joins the program, the running quarter counts it at once, the
 * finished one keeps its figures until they expire, and a reading without kept figures
 * counts it in both. In one transaction, rolled back.
 */
@TrellisTest
class FinishedTrendPeriodsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RecencyTrend trend;

	@ParameterizedTest
	@ValueSource(strings = { RecencyTrend.ACTIVE, RecencyTrend.ACTIVATED })
	void finishedPeriodsKeptTheRunningOneRead(String code) {
		this.transactions.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			var now = this.clock.instant();
			var zone = this.calendar.zone();
			var current = this.calendar.currentQuarter();
			var periods = List.of(Period.quarter(current.previous()).at(now, zone),
					Period.quarter(current).at(now, zone));
			var finished = new FinishedTrendPeriods(Duration.ofHours(1));
			java.util.function.Supplier<List<Kpi>> kept = () -> finished.of(code, Slice.PROGRAM, periods,
					unread -> this.trend.of(code, unread));
			var before = kept.get();
			assertThat(before).as("first reading").isEqualTo(this.trend.of(code, periods));

			this.jdbc
				.sql("""
						INSERT INTO partner (name, type, region, owner_pam_id, lifecycle_status, tier, created_at, updated_at,
						                     onboarded_on)
						SELECT 'Kept trend check', type, region, owner_pam_id, 'ACTIVE', tier, created_at, updated_at,
						       CAST(:onboarded AS DATE)
						FROM partner WHERE id = (SELECT min(id) FROM partner)""")
				.param("onboarded", current.previous().start().minusYears(1))
				.update();

			var after = kept.get();
			var read = this.trend.of(code, periods);
			assertThat(read.get(0).denominator()).as("finished quarter read again")
				.isEqualByComparingTo(before.get(0).denominator().add(BigDecimal.ONE));
			assertThat(after.get(0)).as("finished quarter kept").isEqualTo(before.get(0));
			assertThat(after.get(1)).as("running quarter read again").isEqualTo(read.get(1));
			assertThat(after.get(1).denominator()).as("running quarter counts the partner")
				.isEqualByComparingTo(before.get(1).denominator().add(BigDecimal.ONE));
		});
	}

	@Test
	void eachFinishedPeriodIsReadOncePerKpiAndSliceTheRunningOneEveryTime() {
		var now = this.clock.instant();
		var zone = this.calendar.zone();
		var current = this.calendar.currentQuarter();
		var periods = List.of(Period.quarter(current.previous().previous()).at(now, zone),
				Period.quarter(current.previous()).at(now, zone), Period.quarter(current).at(now, zone));
		var finished = new FinishedTrendPeriods(Duration.ofHours(1));
		var asked = new ArrayList<String>();
		Function<List<Period>, List<Kpi>> read = (unread) -> unread.stream().map((p) -> {
			asked.add(p.label());
			return new Kpi("X", "X", "", "count", BigDecimal.valueOf(asked.size()), null, null, null, null, null);
		}).toList();
		var first = finished.of("WIN_RATE", Slice.PROGRAM, periods, read);
		var second = finished.of("WIN_RATE", Slice.PROGRAM, periods, read);
		finished.of("SALES_CYCLE", Slice.PROGRAM, periods, read);
		assertThat(second.subList(0, 2)).as("finished periods kept").isEqualTo(first.subList(0, 2));
		assertThat(second.get(2)).as("running period read again").isNotEqualTo(first.get(2));
		assertThat(asked).as("periods read, in order")
			.containsExactly(periods.get(0).label(), periods.get(1).label(), periods.get(2).label(),
					periods.get(2).label(), periods.get(0).label(), periods.get(1).label(), periods.get(2).label());
	}

}
