package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Property-style (fixed seed): after rounds of random deal changes
 * ({@link RandomDealChanges}) with random overlap-sourced deals and partner activity
 * among them, every KPI of a slice other than the program as a whole request reads it
 * ({@link KpiBookFigures}: one statement over the slice's partners read once) equals the
 * same KPI read alone by its own statement, and the day figures read with them equal
 * {@link KpiDayFigures#read}: PAMs' books, one partner, a tier and a vertical in a book,
 * over periods running now, past and partial.
 */
@TrellisTest
class KpiBookFiguresTests {

	private static final long SEED = 20261231L;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

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
	void oneStatementEqualsEachKpiReadAlone() {
		var pam = this.fixtures.user(Role.PAM);
		var partner = this.fixtures.partner("Book Figures Partner " + SEED, pam.userId());
		this.jdbc.sql("UPDATE partner SET verticals = ARRAY['SOFTWARE'] WHERE id = :id").param("id", partner).update();
		var random = new Random(SEED);
		var compared = new ArrayList<String>();
		var valued = new java.util.TreeSet<String>();
		for (int round = 0; round < 3; round++) {
			var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock,
					this.jdbc);
			changes.run(SEED + round, 40);
			overlapsAndActivity(random, pam.userId());
			var books = this.jdbc.sql("SELECT DISTINCT owner_pam_id FROM partner WHERE name LIKE :names")
				.param("names", "Random Partner _ " + (SEED + round))
				.query(Long.class)
				.list();
			var slices = new ArrayList<Slice>(List.of(new Slice(Slice.Kind.PAM, String.valueOf(pam.userId())),
					new Slice(Slice.Kind.PARTNER, String.valueOf(partner)), new Slice(Slice.Kind.TIER, "TIER_1_INVEST"),
					new Slice(Slice.Kind.VERTICAL, "SOFTWARE", pam.userId())));
			books.forEach(book -> slices.add(new Slice(Slice.Kind.PAM, String.valueOf(book))));
			var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
			var quarter = this.calendar.quarterOf(today);
			for (var chosen : List.of(Period.until(quarter.start(), quarter.end()), Period.month(today),
					Period.until(quarter.start().minusMonths(3), quarter.start()),
					Period.until(today.minusDays(40), today.minusDays(3)))) {
				var period = chosen.at(this.clock.instant(), this.calendar.zone());
				for (var slice : slices) {
					var label = slice + " " + period.from() + ".." + period.until() + ", round " + round;
					var days = this.repository.days(period, slice);
					var together = this.repository.some(period, slice, null, days);
					assertThat(days.get()).as(label).isEqualTo(KpiDayFigures.read(this.jdbc, period, slice));
					for (var kpi : together) {
						if (kpi.code().equals("FORECAST_ATTAINMENT")) {
							continue;
						}
						var alone = this.repository.some(period, slice, Set.of(kpi.code()));
						assertThat(alone).as(label + " " + kpi.code()).containsExactly(kpi);
						if (kpi.value() != null && kpi.value().signum() != 0) {
							valued.add(kpi.code());
						}
					}
					compared.add(label);
				}
			}
		}
		assertThat(compared).hasSizeGreaterThanOrEqualTo(3 * 4 * 5);
		// the comparison saw figures of every kind the statement reads
		assertThat(valued).contains("ACTIVATED_PARTNERS", "ACTIVE_PARTNER_RATE", "SALES_CYCLE", "PIPELINE_SOURCED",
				"PIPELINE_INFLUENCED", "OVERLAP_SOURCED_DEALS", "OVERLAP_SOURCED_PIPELINE", "REGISTRATION_VELOCITY",
				"AVERAGE_DEAL_SIZE", "WIN_RATE");
	}

	/**
	 * Random overlap-sourced deals (the partners' own deals, recorded within the last 200
	 * days) and portal activity of random partners.
	 */
	private void overlapsAndActivity(Random random, long actor) {
		var deals = this.jdbc
			.sql("SELECT id, partner_id FROM opportunity WHERE partner_id IS NOT NULL AND id NOT IN "
					+ "(SELECT opportunity_id FROM overlap_sourced_deal) ORDER BY id")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		var now = this.clock.instant();
		for (int i = 0; i < Math.min(12, deals.size()); i++) {
			var deal = deals.get(random.nextInt(deals.size()));
			this.jdbc
				.sql("""
						INSERT INTO overlap_sourced_deal (opportunity_id, partner_id, via, acted_by, recorded_at, shown_to, shown_at)
						VALUES (:deal, :partner, 'ATTACHED', :by, :at, :by, :at) ON CONFLICT DO NOTHING
						""")
				.param("deal", deal[0])
				.param("partner", deal[1])
				.param("by", actor)
				.param("at", java.sql.Timestamp.from(ago(random, now)))
				.update();
			this.jdbc.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (:p, 'PORTAL_LOGIN', :at)")
				.param("p", deal[1])
				.param("at", java.sql.Timestamp.from(ago(random, now)))
				.update();
		}
	}

	private static Instant ago(Random random, Instant now) {
		return now.minus(random.nextInt(200 * 24), ChronoUnit.HOURS);
	}

}
