package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 * ({@link RandomDealChanges}: registrations, stage moves, closes, reopens, credit, amount
 * and currency changes), the five figures that {@link KpiDayFigures} reads from the
 * period's day facts in one statement equal the statements they replaced (one per KPI,
 * kept below as they were) for the program, a PAM's book, one partner and a tier, over
 * periods running now, past and partial.
 */
@TrellisTest
class KpiDayFiguresTests {

	private static final long SEED = 20261216L;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void oneStatementEqualsTheFormerStatementPerKpi() {
		var pam = this.fixtures.user(Role.PAM);
		var partner = this.fixtures.partner("Day Figures Partner " + SEED, pam.userId());
		var compared = new ArrayList<String>();
		for (int round = 0; round < 4; round++) {
			var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock,
					this.jdbc);
			changes.run(SEED + round, 40);
			var books = this.jdbc.sql("SELECT DISTINCT owner_pam_id FROM partner WHERE name LIKE :names")
				.param("names", "Random Partner _ " + (SEED + round))
				.query(Long.class)
				.list();
			var slices = new ArrayList<Slice>(
					List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pam.userId())),
							new Slice(Slice.Kind.PARTNER, String.valueOf(partner)),
							new Slice(Slice.Kind.TIER, "TIER_1_INVEST")));
			books.forEach(book -> slices.add(new Slice(Slice.Kind.PAM, String.valueOf(book))));
			var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
			var quarter = this.calendar.quarterOf(today);
			for (var chosen : List.of(Period.until(quarter.start(), quarter.end()), Period.month(today),
					Period.until(quarter.start().minusMonths(3), quarter.start()),
					Period.until(today.minusDays(40), today.minusDays(3)))) {
				var period = chosen.at(this.clock.instant(), this.calendar.zone());
				for (var slice : slices) {
					var label = slice + " " + period.from() + ".." + period.until() + ", round " + round;
					assertThat(KpiDayFigures.read(this.jdbc, period, slice)).as(label).isEqualTo(former(period, slice));
					compared.add(label);
				}
			}
		}
		// the comparison saw closed deals on both sides
		assertThat(compared).hasSizeGreaterThanOrEqualTo(4 * 4 * 5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM program_day_fact WHERE won_count > 0 AND NOT partner_involved")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM program_day_fact WHERE won_count > 0 AND partner_involved")
			.query(Long.class)
			.single()).isPositive();
	}

	/** The five figures by the statements as they were before V138, one per KPI. */
	private KpiDayFigures former(Period period, Slice slice) {
		var involved = KpiSql.partnerInvolved(slice);
		var days = KpiSql.sliceDays(slice);
		var revenue = one("""
				SELECT COALESCE(sum(f.won_reporting), 0) FROM %s
				JOIN exchange_rate fx ON fx.currency = f.currency
				WHERE f.credit_type = 'SOURCED' AND f.day >= :fromDate AND f.day < :toDate AND %s
				""".formatted(days, involved), period, slice).get(0);
		var winRate = sides("SELECT 100.0 * sum(f.won_count) / NULLIF(sum(f.won_count + f.lost_count), 0)",
				"f.credit_type = 'SOURCED'", period, slice);
		var average = sides("SELECT sum(f.won_reporting) / NULLIF(sum(f.won_count), 0)", "TRUE", period, slice);
		var coSell = one(
				"""
						SELECT (SELECT COALESCE(sum(f.created_count), 0) FROM %s
						        WHERE f.credit_type = 'CO_SELL' AND %s AND f.day >= :fromDate AND f.day < :toDate),
						       (SELECT COALESCE(sum(f.created_count), 0) FROM program_day_fact f WHERE f.day >= :fromDate AND f.day < :toDate)
						"""
					.formatted(days, involved),
				period, slice);
		var closedWon = one("""
				SELECT COALESCE(sum(f.won_reporting), 0) FROM %s
				JOIN exchange_rate fx ON fx.currency = f.currency
				WHERE f.day >= :fromDate AND f.day < :toDate
				""".formatted(KpiSql.program(slice) ? "program_day_fact f" : days), period, slice).get(0);
		return new KpiDayFigures(revenue, winRate[0], winRate[1], average[0], average[1], coSell.get(0), coSell.get(1),
				closedWon);
	}

	private BigDecimal[] sides(String select, String partnerSide, Period period, Slice slice) {
		var sql = select + ", 'partner' AS side FROM " + KpiSql.sliceDays(slice)
				+ " JOIN exchange_rate fx ON fx.currency = f.currency WHERE f.day >= :fromDate AND f.day < :toDate AND "
				+ partnerSide + " AND " + KpiSql.partnerInvolved(slice) + " HAVING sum(f.won_count + f.lost_count) > 0"
				+ " UNION ALL " + select + ", 'direct' FROM program_day_fact f"
				+ " JOIN exchange_rate fx ON fx.currency = f.currency WHERE f.day >= :fromDate AND f.day < :toDate"
				+ " AND NOT f.partner_involved HAVING sum(f.won_count + f.lost_count) > 0";
		var sides = new java.util.HashMap<String, BigDecimal>();
		KpiStatements.bind(this.jdbc.sql(sql), period, slice)
			.query((rs, n) -> sides.put(rs.getString("side"), rs.getBigDecimal(1)))
			.list();
		return new BigDecimal[] { sides.get("partner"), sides.get("direct") };
	}

	private List<BigDecimal> one(String sql, Period period, Slice slice) {
		return KpiStatements.bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> {
			var row = new ArrayList<BigDecimal>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.add(rs.getBigDecimal(i));
			}
			return row;
		}).single();
	}

}
