package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.CountedStatements;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner-sourced revenue trend from one statement ({@link SourcedRevenueTrend})
 * equals the former computation, a whole KPI pass per period
 * ({@link KpiRepository#some}), on the demo and on a generated world (random deals in
 * four currencies, their closes spread over a year and a half; again with two currencies
 * without a rate), for every kind of slice (a cohort whose members change between the
 * periods, a PAM's book, one partner, a tier, an onboarding quarter, the program narrowed
 * to a book), for quarters, months, runs of days and single days, measured in the
 * business zone and in Auckland's; and the trend of a request is one statement besides
 * its plan settings.
 */
@TrellisTest
class SourcedRevenueTrendTests {

	private static final long SEED = 20261219L;

	@Autowired
	SourcedRevenueTrend trend;

	@Autowired
	KpiRepository repository;

	@Autowired
	Kpis kpis;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theOneStatementTrendEqualsAKpiPassPerPeriodOnTheDemoAndOnAGeneratedWorld() {
		var demoPam = this.jdbc
			.sql("SELECT owner_pam_id FROM partner WHERE owner_pam_id IS NOT NULL ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		int nonZero = compareAll(List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(demoPam))), "demo");
		assertThat(nonZero).as("periods with partner-sourced revenue on the demo").isPositive();

		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		changes.run(SEED, 120);
		var partners = this.jdbc.sql("SELECT id FROM partner WHERE name LIKE :names ORDER BY id")
			.param("names", "Random Partner _ " + SEED)
			.query(Long.class)
			.list();
		var pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = :id")
			.param("id", partners.get(0))
			.query(Long.class)
			.single();
		// the closes spread back over a year and a half, each by its own number of days
		// and hours (the day facts follow through the deal triggers)
		this.jdbc
			.sql("""
					UPDATE opportunity SET created_at = created_at - (id % 541) * interval '1 day' - (id % 13) * interval '1 hour',
					                       closed_at = closed_at - (id % 541) * interval '1 day' - (id % 13) * interval '1 hour'
					WHERE partner_id = ANY (:ids) AND closed_at IS NOT NULL""")
			.param("ids", partners.toArray(Long[]::new))
			.update();
		this.jdbc.sql("UPDATE partner SET tier = 'TIER_1_INVEST', onboarded_on = DATE '2026-08-14' WHERE id = :id")
			.param("id", partners.get(1))
			.update();
		long cohort = cohortWithChangingMembers(partners);
		var slices = List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pam)),
				new Slice(Slice.Kind.PARTNER, String.valueOf(partners.get(0))),
				new Slice(Slice.Kind.TIER, "TIER_1_INVEST"), new Slice(Slice.Kind.COHORT, String.valueOf(cohort)),
				new Slice(Slice.Kind.ONBOARDING_QUARTER, "2026-Q3").resolved(this.calendar.fiscalYearStart()),
				new Slice(Slice.Kind.PROGRAM, null, pam));
		nonZero = compareAll(slices, "generated world");
		assertThat(nonZero).as("periods with partner-sourced revenue in the generated world").isGreaterThan(20);
		// a currency without a rate is left out by both (in a transaction rolled back:
		// other tests read the program's rates)
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.jdbc.sql("DELETE FROM exchange_rate WHERE currency IN ('EUR', 'JPY')").update();
			compareAll(slices, "generated world without EUR and JPY rates");
			status.setRollbackOnly();
		});
	}

	@Test
	void aRequestsTrendOfTheRevenueIsOneStatementBesidesItsPlanSettings() {
		var admin = this.fixtures.user(Role.ADMIN);
		var quarter = Period.quarter(this.calendar.currentQuarter());
		var statements = new AtomicInteger();
		var points = CountedStatements.counted(this.dataSource, statements,
				() -> this.kpis.trend(admin, SourcedRevenueTrend.CODE, quarter, Slice.PROGRAM));
		assertThat(points).hasSize(Kpis.TREND_PERIODS);
		// was the plan settings and a whole day-fact statement per period (7)
		assertThat(statements.get()).isEqualTo(2);
		// the request's points: each period's KPI as the former pass computed it
		var periods = trendPeriods(quarter, this.calendar.zone());
		for (int i = 0; i < periods.size(); i++) {
			assertThat(points.get(i).get("value")).as("point " + i)
				.isEqualTo(former(periods.get(i), Slice.PROGRAM).value());
		}
	}

	/**
	 * Compares every slice over every kind of period in both zones; returns how many
	 * periods had revenue.
	 */
	private int compareAll(List<Slice> slices, String world) {
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var chosen = List.of(Period.quarter(this.calendar.currentQuarter()), Period.month(today),
				Period.until(today.minusDays(40), today.plusDays(1)), Period.until(today, today.plusDays(1)),
				Period.until(today.minusDays(75), today.minusDays(60)));
		int nonZero = 0;
		for (var zone : List.of(this.calendar.zone(), ZoneId.of("Pacific/Auckland"))) {
			for (var period : chosen) {
				var periods = trendPeriods(period, zone);
				for (var slice : slices) {
					var expected = periods.stream().map(p -> former(p, slice)).toList();
					assertThat(this.trend.of(periods, slice)).as("%s, %s, %s in %s", world, slice, period.label(), zone)
						.isEqualTo(expected);
					nonZero += (int) expected.stream()
						.filter(k -> k.value() != null && k.value().signum() != 0)
						.count();
				}
			}
		}
		return nonZero;
	}

	/** The trend's periods as {@link Kpis#trend} makes them, oldest first. */
	private List<Period> trendPeriods(Period chosen, ZoneId zone) {
		var periods = new ArrayList<Period>();
		var current = chosen.at(this.clock.instant(), zone);
		for (int i = 0; i < Kpis.TREND_PERIODS; i++) {
			periods.add(0, current);
			current = current.previous();
		}
		return periods;
	}

	/** The former computation: the period's KPI pass for that code alone. */
	private Kpi former(Period period, Slice slice) {
		var found = this.repository.some(period, slice, Set.of(SourcedRevenueTrend.CODE));
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	/**
	 * A cohort of the generated partners whose members change: the first from long ago to
	 * 50 days back, the second from 20 days back on, the third throughout.
	 */
	private long cohortWithChangingMembers(List<Long> partners) {
		long cohort = this.jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at) VALUES ('Trend cohort', 'MANUAL', 'by hand', now())
				RETURNING id""").query(Long.class).single();
		var now = this.clock.instant();
		insertMember(cohort, partners.get(0), now.minus(Duration.ofDays(900)), now.minus(Duration.ofDays(50)));
		insertMember(cohort, partners.get(1), now.minus(Duration.ofDays(20)), null);
		insertMember(cohort, partners.get(2), now.minus(Duration.ofDays(900)), null);
		return cohort;
	}

	private void insertMember(long cohort, long partner, java.time.Instant from, java.time.Instant to) {
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
				VALUES (:cohort, :partner, :from, :to, 'test')""")
			.param("cohort", cohort)
			.param("partner", partner)
			.param("from", Timestamp.from(from))
			.param("to", to == null ? null : Timestamp.from(to), java.sql.Types.TIMESTAMP)
			.update();
	}

}
