package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPIs read in one statement ({@link KpiBatch}) equal each KPI read by its own
 * statement (a batch of that KPI alone: its statement as it was sent before), and a
 * trend's six periods read in one statement equal each period read alone, after random
 * deal changes (fixed seed), for the program, PAMs' books, a partner and a tier over
 * periods running now, past and partial.
 */
@TrellisTest
class KpiBatchTests {

	private static final long SEED = 20261701L;

	@Autowired
	Deals deals;

	@Autowired
	Kpis kpis;

	@Autowired
	KpiRepository repository;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void oneStatementEqualsEachKpiByItsOwnStatement() {
		var changes = new RandomDealChanges(this.deals, this.kpis, this.fixtures, this.clock, this.jdbc);
		changes.run(SEED, 60);
		var book = this.jdbc.sql("SELECT DISTINCT owner_pam_id FROM partner WHERE name LIKE :names")
			.param("names", "Random Partner _ " + SEED)
			.query(Long.class)
			.single();
		var partner = this.jdbc.sql("SELECT min(id) FROM partner WHERE name LIKE :names")
			.param("names", "Random Partner _ " + SEED)
			.query(Long.class)
			.single();
		var slices = List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(book)),
				new Slice(Slice.Kind.PARTNER, String.valueOf(partner)), new Slice(Slice.Kind.TIER, "TIER_1_INVEST"),
				new Slice(Slice.Kind.VERTICAL, "Healthcare", book));
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var quarter = this.calendar.quarterOf(today);
		int compared = 0;
		for (var chosen : List.of(Period.until(quarter.start(), quarter.end()), Period.month(today),
				Period.until(quarter.start().minusMonths(3), quarter.start()))) {
			var period = chosen.at(this.clock.instant(), this.calendar.zone());
			for (var slice : slices) {
				var all = this.repository.some(period, slice, null);
				assertThat(all).hasSizeGreaterThanOrEqualTo(16);
				for (var kpi : all) {
					var alone = this.repository.some(period, slice, Set.of(kpi.code()));
					assertThat(alone).as(kpi.code() + " " + slice + " " + period.from()).containsExactly(kpi);
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(3 * 5 * 16);
		// the comparison saw figures, not only nulls
		var program = this.repository.some(
				Period.until(quarter.start(), quarter.end()).at(this.clock.instant(), this.calendar.zone()),
				Slice.PROGRAM, null);
		assertThat(program.stream().filter(k -> k.value() != null && k.value().signum() != 0).count())
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void aTrendsSixPeriodsInOneStatementEqualEachPeriodAlone() {
		var changes = new RandomDealChanges(this.deals, this.kpis, this.fixtures, this.clock, this.jdbc);
		changes.run(SEED + 1, 40);
		var book = this.jdbc.sql("SELECT DISTINCT owner_pam_id FROM partner WHERE name LIKE :names")
			.param("names", "Random Partner _ " + (SEED + 1))
			.query(Long.class)
			.single();
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var periods = new ArrayList<Period>();
		var current = Period.month(today).at(this.clock.instant(), this.calendar.zone());
		for (int i = 0; i < 6; i++) {
			periods.add(0, current);
			current = current.previous();
		}
		for (var slice : List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(book)))) {
			for (var codes : List.of(Set.of("PARTNER_SOURCED_REVENUE"), Set.of("SALES_CYCLE", "ACTIVE_PARTNER_RATE"))) {
				var days = periods.stream().map(p -> this.repository.days(p, slice)).toList();
				var each = this.repository.over(periods, slice, codes, days);
				for (int i = 0; i < periods.size(); i++) {
					assertThat(each.get(i)).as(codes + " " + slice + " " + periods.get(i).from())
						.isEqualTo(this.repository.some(periods.get(i), slice, codes));
				}
			}
		}
	}

	@Test
	void eachGroupBindsItsOwnParametersAndCastsStayAlone() {
		var sql = "SELECT :to, :toDate, :fromDate, :from, CAST(:asOf AS DATE), x::text, :asOfMinus30, :asOfDate, :sliceValue";
		assertThat(KpiBatch.suffixed(sql, "_g2")).isEqualTo(
				"SELECT :to_g2, :toDate_g2, :fromDate_g2, :from_g2, CAST(:asOf_g2 AS DATE), x::text, :asOfMinus30_g2, :asOfDate_g2, :sliceValue_g2");
		var batch = new KpiBatch();
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var first = Period.month(today).at(this.clock.instant(), this.calendar.zone());
		var second = first.previous();
		var a = batch.add(batch.group(first, Slice.PROGRAM), "SELECT CAST(:toDate AS DATE) - CAST(:fromDate AS DATE)",
				1);
		var b = batch.add(batch.group(second, Slice.PROGRAM),
				"SELECT CAST(:toDate AS DATE) - CAST(:fromDate AS DATE), 7", 2);
		batch.run(this.jdbc);
		assertThat(a.get(0))
			.isEqualByComparingTo(BigDecimal.valueOf(first.until().toEpochDay() - first.from().toEpochDay()));
		assertThat(b.get(0))
			.isEqualByComparingTo(BigDecimal.valueOf(second.until().toEpochDay() - second.from().toEpochDay()));
		assertThat(b.get(1)).isEqualByComparingTo("7");
	}

}
