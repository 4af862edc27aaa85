package com.trellis.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.partners.Partners;
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
 * Property-style (fixed seed): the PAMs' day facts ({@code pam_day_fact}, V147) equal a
 * recomputation from the partners' day facts and owners after rounds of random deal
 * changes ({@link RandomDealChanges}: registrations, stage moves, closes, reopens, credit
 * changes, amount and currency corrections) interleaved with partners moved between PAMs
 * (a whole book reassigned by the admin, one partner moved back, one moved to a new PAM
 * and then to the first), and equal them again after {@code pam_day_fact_rebuild()}; a
 * book's day-fact figures read from them equal the same statement over the book's
 * partners' rows (numerically: a sum may end in other trailing zeros), and the rounded
 * amounts the KPIs show are exactly equal.
 */
@TrellisTest
class PamDayFactTests {

	private static final long SEED = 20261711L;

	@Autowired
	Deals deals;

	@Autowired
	Kpis kpis;

	@Autowired
	Partners partners;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void keptBookDaysEqualARecomputationAfterRandomChangesAndMovesBetweenPams() {
		var admin = this.fixtures.user(Role.ADMIN);
		var books = new ArrayList<Long>();
		int compared = 0;
		for (int round = 0; round < 4; round++) {
			new RandomDealChanges(this.deals, this.kpis, this.fixtures, this.clock, this.jdbc).run(SEED + round, 40);
			var names = "Random Partner _ " + (SEED + round);
			var ids = this.jdbc.sql("SELECT id FROM partner WHERE name LIKE :names ORDER BY id")
				.param("names", names)
				.query(Long.class)
				.list();
			long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = :id")
				.param("id", ids.get(0))
				.query(Long.class)
				.single();
			books.add(pam);
			assertKeptEqualsRecomputed("round " + round + " before moves");
			if (round > 0) {
				// the previous book joins this one; one of this round's partners goes
				// back
				this.partners.reassignBook(admin, books.get(round - 1), pam, "property test " + SEED);
				this.jdbc.sql("UPDATE partner SET owner_pam_id = :to WHERE id = :id")
					.param("to", books.get(round - 1))
					.param("id", ids.get(1))
					.update();
			}
			// a partner in a new PAM's book for a while, then in the first book
			this.jdbc.sql("UPDATE partner SET owner_pam_id = :to WHERE id = :id")
				.param("to", this.fixtures.user(Role.PAM).userId())
				.param("id", ids.get(2))
				.update();
			assertKeptEqualsRecomputed("round " + round + " partner in a new book");
			this.jdbc.sql("UPDATE partner SET owner_pam_id = :to WHERE id = :id")
				.param("to", books.get(0))
				.param("id", ids.get(2))
				.update();
			assertKeptEqualsRecomputed("round " + round + " after moves");
			compared += compareBooks(books, round);
		}
		assertThat(compared).isGreaterThanOrEqualTo(4 * 3);
		// the kept rows saw closed deals
		assertThat(this.jdbc.sql("SELECT count(*) FROM pam_day_fact WHERE won_count > 0 AND pam_id = ANY (:books)")
			.param("books", books.toArray(Long[]::new))
			.query(Long.class)
			.single()).isPositive();
		this.jdbc.sql("SELECT pam_day_fact_rebuild()").query().singleRow();
		assertKeptEqualsRecomputed("after the rebuild");
	}

	/**
	 * Every PAM's kept day rows (slots summed, zero rows left out) against the sums of
	 * the partners' day rows under each partner's owner now.
	 */
	private void assertKeptEqualsRecomputed(String when) {
		var kept = rows("""
				SELECT pam_id, day, credit_type, currency, sum(created_count) AS created, sum(won_count) AS won,
				       sum(lost_count) AS lost, sum(won_reporting) AS won_reporting
				FROM pam_day_fact GROUP BY 1, 2, 3, 4
				HAVING sum(created_count) <> 0 OR sum(won_count) <> 0 OR sum(lost_count) <> 0 OR sum(won_reporting) <> 0
				ORDER BY 1, 2, 3, 4""");
		var recomputed = rows(
				"""
						SELECT p.owner_pam_id AS pam_id, d.day, d.credit_type, d.currency, sum(d.created_count) AS created,
						       sum(d.won_count) AS won, sum(d.lost_count) AS lost, sum(d.won_reporting) AS won_reporting
						FROM partner_day_fact d JOIN partner p ON p.id = d.partner_id WHERE p.owner_pam_id IS NOT NULL
						GROUP BY 1, 2, 3, 4
						HAVING sum(d.created_count) <> 0 OR sum(d.won_count) <> 0 OR sum(d.lost_count) <> 0 OR sum(d.won_reporting) <> 0
						ORDER BY 1, 2, 3, 4""");
		assertThat(kept).as(when).isEqualTo(recomputed);
		assertThat(kept).as(when).isNotEmpty();
	}

	/** Rows as text, amounts without trailing zeros (0.00 and 0 are the same sum). */
	private List<String> rows(String sql) {
		return this.jdbc.sql(sql)
			.query((rs, n) -> rs.getLong("pam_id") + " " + rs.getDate("day") + " " + rs.getString("credit_type") + " "
					+ rs.getString("currency") + " " + rs.getLong("created") + " " + rs.getLong("won") + " "
					+ rs.getLong("lost") + " " + rs.getBigDecimal("won_reporting").stripTrailingZeros().toPlainString())
			.list();
	}

	/**
	 * Each book's day figures from {@code pam_day_fact} against the same statement over
	 * its partners' rows, and its KPIs against the KPIs over the partners' rows, for the
	 * quarter, the month and the previous quarter.
	 */
	private int compareBooks(List<Long> books, int round) {
		int compared = 0;
		var today = LocalDate.ofInstant(this.clock.instant(), this.calendar.zone());
		var quarter = this.calendar.quarterOf(today);
		for (var chosen : List.of(Period.until(quarter.start(), quarter.end()), Period.month(today),
				Period.until(quarter.start().minusMonths(3), quarter.start()))) {
			var period = chosen.at(this.clock.instant(), this.calendar.zone());
			for (var book : books) {
				var slice = new Slice(Slice.Kind.PAM, String.valueOf(book));
				var label = "book " + book + " " + period.from() + ".." + period.until() + ", round " + round;
				var kept = KpiDayFigures.read(this.jdbc, period, slice);
				var overPartners = KpiRepository
					.bind(this.jdbc.sql(KpiDayFigures.sql(slice, KpiSql.partnerDays(slice))), period, slice)
					.query((rs, n) -> new KpiDayFigures(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
							rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
							rs.getBigDecimal(8)))
					.single();
				assertThat(kept).as(label)
					.usingRecursiveComparison()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(overPartners);
				var figures = Map.of("PARTNER_SOURCED_REVENUE", kept.sourcedRevenue(), "CLOSED_WON", kept.closedWon());
				var rounded = Map.of("PARTNER_SOURCED_REVENUE",
						com.trellis.shared.ReportingCurrency.round(overPartners.sourcedRevenue()), "CLOSED_WON",
						com.trellis.shared.ReportingCurrency.round(overPartners.closedWon()));
				figures.forEach((code, value) -> assertThat(com.trellis.shared.ReportingCurrency.round(value))
					.as(code + " " + label)
					.isEqualTo(rounded.get(code)));
				compared++;
			}
		}
		return compared;
	}

}
