package com.trellis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales cycle's median from the kept histogram ({@code won_cycle_fact}, V128, read by
 * {@link KpiSql#salesCycle}) equals the straightforward {@code percentile_cont(0.5)} over
 * the period's won deals, for odd and even counts, ties at the middle, middle pairs in
 * one cycle day or two, periods of whole months, partial months, one day and none, and
 * deals in a currency without a rate. Random rounds with a fixed seed, in 2011 (no other
 * test's deals); each round's deals are deleted after it.
 */
@TrellisTest
class SalesCycleMedianTests {

	private static final long SEED = 20261201L;

	/** Cycle lengths in seconds: few distinct values, so ties are common. */
	private static final long[] CYCLES = { 0, 3_600, 86_399, 86_400, 86_400 + 43_200, 2 * 86_400, 2 * 86_400 + 1,
			6 * 86_400 + 3_600, 30 * 86_400 };

	private static final List<Period> PERIODS = List.of(
			Period.until(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 4, 1)),
			Period.until(LocalDate.of(2011, 1, 15), LocalDate.of(2011, 3, 10)),
			Period.until(LocalDate.of(2011, 1, 20), LocalDate.of(2011, 2, 10)),
			Period.until(LocalDate.of(2011, 2, 3), LocalDate.of(2011, 2, 4)),
			Period.until(LocalDate.of(2010, 12, 1), LocalDate.of(2011, 1, 1)));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void theKeptMedianEqualsPercentileContOverTheDeals() {
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Cycle median partner " + SEED, pam.userId());
		long account = this.fixtures.account("Cycle median customer " + SEED, null, ae.userId());
		var random = new Random(SEED);
		var slices = List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pam.userId())));
		int compared = 0;
		long medians = 0;
		// a fixed round first: four equal cycles (ties), then an even count whose middle
		// pair lies in two cycle days
		var rounds = new ArrayList<List<long[]>>();
		rounds.add(List.of(deal(0, 86_400 + 43_200, 1), deal(0, 86_400 + 43_200, 2), deal(0, 86_400 + 43_200, 3),
				deal(0, 86_400 + 43_200, 4)));
		rounds.add(List.of(deal(0, 3_600, 1), deal(0, 86_400 + 43_200, 2), deal(0, 2 * 86_400 + 1, 3),
				deal(0, 30 * 86_400, 4)));
		for (int n = 1; n <= 40; n++) {
			var deals = new ArrayList<long[]>();
			for (int i = 0; i < n; i++) {
				// kind: 0 direct, 1 partner, 2 direct in a currency without a rate
				deals.add(deal(random.nextInt(3), CYCLES[random.nextInt(CYCLES.length)], random.nextInt(115)));
			}
			rounds.add(deals);
		}
		for (var round : rounds) {
			var ids = insert(round, account, ae.userId(), partner);
			try {
				for (var period : PERIODS) {
					var zone = this.calendar.zone();
					var measured = period.at(period.until().atStartOfDay(zone).toInstant(), zone);
					for (var slice : slices) {
						var expected = sides(straightforward(slice), measured, slice);
						assertThat(sides(KpiSql.salesCycle(slice), measured, slice))
							.as("round of %d deals, %s, %s", round.size(), period.label(), slice.kind())
							.isEqualTo(expected);
						compared++;
						medians += expected.values().stream().filter(java.util.Objects::nonNull).count();
					}
				}
			}
			finally {
				this.jdbc.sql("DELETE FROM opportunity WHERE id IN (:ids)").param("ids", ids).update();
			}
		}
		assertThat(compared).isEqualTo(rounds.size() * PERIODS.size() * slices.size());
		// comparisons of medians, not only of nulls (a period without deals on a side has
		// none)
		assertThat(medians).isGreaterThan(compared / 2);
		assertThat(this.jdbc.sql(
				"SELECT COALESCE(sum(won_count), 0) FROM won_cycle_fact WHERE day < '2011-06-01' AND day >= '2010-12-01'")
			.query(Long.class)
			.single()).as("the deleted deals' counts are gone").isZero();
	}

	/** kind, cycle seconds, close day offset from 2011-01-01 with a time of day. */
	private static long[] deal(int kind, long cycleSeconds, int closeDay) {
		return new long[] { kind, cycleSeconds, closeDay };
	}

	/**
	 * Inserts a round's deals in two statements: the first deal alone, then the others in
	 * one multi-row statement, so the kept histogram's statement triggers see both a
	 * one-row and a many-row transition table (ties within one statement, and days and
	 * months the first statement already counted).
	 */
	private List<Long> insert(List<long[]> deals, long account, long owner, long partner) {
		var ids = new ArrayList<Long>(insertAll(deals.subList(0, 1), account, owner, partner));
		if (deals.size() > 1) {
			ids.addAll(insertAll(deals.subList(1, deals.size()), account, owner, partner));
		}
		return ids;
	}

	private List<Long> insertAll(List<long[]> deals, long account, long owner, long partner) {
		int n = deals.size();
		var currencies = new String[n];
		var sources = new String[n];
		var partners = new Long[n];
		var credits = new String[n];
		var shares = new Long[n];
		var created = new Long[n];
		var closed = new Long[n];
		var first = Instant.parse("2011-01-01T00:00:00Z");
		for (int i = 0; i < n; i++) {
			var d = deals.get(i);
			// the close at a time of day derived from the deal, so days and edges vary
			var close = first.plusSeconds(d[2] * 86_400 + (d[1] * 7 + d[2] * 3_613) % 86_400);
			boolean involved = d[0] == 1;
			currencies[i] = d[0] == 2 ? "ZZZ" : "USD";
			sources[i] = involved ? "PARTNER" : "DIRECT";
			partners[i] = involved ? partner : null;
			credits[i] = involved ? "SOURCED" : null;
			shares[i] = involved ? 20L : null;
			closed[i] = close.getEpochSecond();
			created[i] = close.minusSeconds(d[1]).getEpochSecond();
		}
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					SELECT :account, 'Cycle median deal', 1000, d.currency, 'CLOSED_WON', :owner, d.source, d.partner, d.credit,
					       d.share, to_timestamp(d.closed), to_timestamp(d.created), to_timestamp(d.closed), to_timestamp(d.closed)
					FROM unnest(CAST(:currencies AS TEXT[]), CAST(:sources AS TEXT[]), CAST(:partners AS BIGINT[]),
					            CAST(:credits AS TEXT[]), CAST(:shares AS NUMERIC[]), CAST(:created AS BIGINT[]),
					            CAST(:closed AS BIGINT[])) WITH ORDINALITY
					     AS d(currency, source, partner, credit, share, created, closed, n)
					ORDER BY d.n RETURNING id
					""")
			.param("account", account)
			.param("owner", owner)
			.param("currencies", currencies)
			.param("sources", sources)
			.param("partners", partners)
			.param("credits", credits)
			.param("shares", shares)
			.param("created", created)
			.param("closed", closed)
			.query(Long.class)
			.list();
	}

	/** The statement the sales cycle ran before V128: every won deal of the period. */
	private static String straightforward(Slice slice) {
		var median = "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.closed_at - o.created_at) / 86400)";
		return """
				SELECT %1$s, 'partner' AS side FROM partner p JOIN opportunity o ON o.partner_id = p.id
				JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND %2$s
				UNION ALL
				SELECT %1$s, 'direct' FROM opportunity o JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.closed_at >= :from AND o.closed_at < :to AND o.partner_id IS NULL
				""".formatted(median, slice.predicate());
	}

	private Map<String, Double> sides(String sql, Period period, Slice slice) {
		var sides = new HashMap<String, Double>();
		KpiStatements.bind(this.jdbc.sql(sql), period, slice).query((rs, n) -> {
			double value = rs.getDouble(1);
			sides.put(rs.getString("side"), rs.wasNull() ? null : value);
			return null;
		}).list();
		return sides;
	}

}
