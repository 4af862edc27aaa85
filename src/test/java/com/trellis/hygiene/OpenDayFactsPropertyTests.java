package com.trellis.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.facts.DealFacts;
import com.trellis.metrics.ExchangeRates;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): the open deals kept per stage-entry day, close date and
 * missing fields by the triggers of V133 ({@code hygiene_open_day_fact}) equal a
 * recomputation from the deals after a random sequence of registrations, stage moves,
 * closes, reopens, credit changes, partner attachments and hand-overs, then close dates,
 * amounts and stage entries changed several deals at a time; the program's counts of
 * stale deals, slipped close dates and missing fields read from them equal the counts
 * over the deals they replace, at many moments (a cut-off on a deal's own stage entry and
 * on a day's first instant among them); and the facts rebuild gives the same rows again.
 */
@TrellisTest
class OpenDayFactsPropertyTests {

	private static final long SEED = 20261203L;

	private static final int STEPS = 125;

	/** Norms of the open stages, short so that stale deals exist on many days. */
	private static final HygieneRepository.Norms NORMS = new HygieneRepository.Norms(
			new String[] { "REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT" }, new Integer[] { 0, 1, 3, 6 },
			new String[] { "Registered", "Qualified", "Joint working", "Commit" });

	private static final List<HygieneCheck> KEPT = List.of(HygieneCheck.MISSING_FIELDS, HygieneCheck.STALE_DEALS,
			HygieneCheck.SLIPPED_CLOSE_DATES);

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	ExchangeRates rates;

	@Autowired
	DealFacts facts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HygieneRepository repository;

	@Test
	void keptOpenDealDaysEqualARecomputationAndTheProgramsCountsTheOnesTheyReplaced() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var admin = changes.run(SEED, STEPS);
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen");
		long checked = compare();
		assertThat(checked).as("counts compared that were not zero").isPositive();
		var random = new Random(SEED);
		var open = this.jdbc
			.sql("SELECT id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY id")
			.query(Long.class)
			.list();
		assertThat(open).hasSizeGreaterThan(6);
		// close dates passed, to come and removed, several deals in one statement
		this.jdbc
			.sql("UPDATE opportunity SET close_date = CAST(:day AS DATE) - CAST(id % 40 AS INTEGER) WHERE id IN (:ids)")
			.param("day", LocalDate.now(this.clock))
			.param("ids", some(random, open))
			.update();
		compare();
		this.jdbc.sql("UPDATE opportunity SET close_date = NULL WHERE id IN (:ids)")
			.param("ids", some(random, open))
			.update();
		compare();
		// amounts to 0 and back
		var zeroed = some(random, open);
		this.jdbc.sql("UPDATE opportunity SET amount = 0 WHERE id IN (:ids)").param("ids", zeroed).update();
		compare();
		this.jdbc.sql("UPDATE opportunity SET amount = 1000 + id WHERE id IN (:ids)").param("ids", zeroed).update();
		compare();
		// stage entries moved to other days and times of day
		this.jdbc
			.sql("""
					UPDATE opportunity SET stage_entered_at = stage_entered_at - make_interval(hours => CAST(id % 97 AS INT))
					WHERE id IN (:ids)
					""")
			.param("ids", some(random, open))
			.update();
		compare();
		// the rebuild gives the same rows again
		var kept = kept();
		this.facts.rebuild(admin);
		assertThat(kept()).as("after the rebuild").containsExactlyElementsOf(kept);
		compare();
	}

	/**
	 * Compares the kept rows with a recomputation and each kept count with the count over
	 * the deals, at several moments; returns how many compared counts were not zero.
	 */
	private long compare() {
		assertThat(kept()).as("kept open deal days").containsExactlyElementsOf(recomputed());
		long nonZero = 0;
		for (var now : moments()) {
			var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			for (var check : KEPT) {
				var kept = this.repository.query(check, HygieneScope.PROGRAM, now, today, NORMS);
				var overDeals = this.repository.queryOverDeals(check, HygieneScope.PROGRAM, now, today, NORMS);
				assertThat(kept.countSql()).as("%s is counted from the kept days", check)
					.isNotEqualTo(overDeals.countSql());
				long count = this.repository.count(kept, HygieneScope.PROGRAM);
				assertThat(count).as("%s at %s", check, now)
					.isEqualTo(this.repository.count(overDeals, HygieneScope.PROGRAM));
				nonZero += count > 0 ? 1 : 0;
			}
		}
		return nonZero;
	}

	/**
	 * The test clock's now and later days, a cut-off exactly on open deals' stage entries
	 * (entered at the cut-off: stale) and just before them, and a cut-off at a UTC day's
	 * first instant.
	 */
	private List<Instant> moments() {
		var now = this.clock.instant();
		var moments = new ArrayList<>(List.of(now, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9)),
				now.plus(Duration.ofDays(40))));
		var entries = this.jdbc.sql("""
				SELECT stage, stage_entered_at FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY id LIMIT 3
				""").query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() }).list();
		for (var entry : entries) {
			int norm = normDays((String) entry[0]);
			var cutOffOnEntry = ((Instant) entry[1]).plus(Duration.ofDays(norm + 1));
			moments.add(cutOffOnEntry);
			moments.add(cutOffOnEntry.minusNanos(1000));
			var dayStart = LocalDate.ofInstant((Instant) entry[1], ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC);
			moments.add(dayStart.toInstant().plus(Duration.ofDays(norm + 1)));
		}
		return moments;
	}

	private static int normDays(String stage) {
		for (int i = 0; i < NORMS.stages().length; i++) {
			if (NORMS.stages()[i].equals(stage)) {
				return NORMS.days()[i];
			}
		}
		throw new IllegalArgumentException(stage);
	}

	/** About a third of the ids, drawn from the seed. */
	private static List<Long> some(Random random, List<Long> ids) {
		var some = ids.stream().filter(id -> random.nextInt(3) == 0).toList();
		return some.isEmpty() ? ids.subList(0, 1) : some;
	}

	private List<String> kept() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', kind, stage, day, sum(deals)) FROM hygiene_open_day_fact
				GROUP BY kind, stage, day HAVING sum(deals) <> 0 ORDER BY kind, stage, day
				""").query(String.class).list();
	}

	private List<String> recomputed() {
		return this.jdbc
			.sql("""
					SELECT concat_ws('|', kind, stage, day, count(*)) FROM (
					    SELECT 'entered' AS kind, stage, CAST(floor(extract(epoch FROM stage_entered_at) / 86400) AS INTEGER) AS day
					    FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					    UNION ALL
					    SELECT 'close', '', close_date - DATE '1970-01-01' FROM opportunity
					    WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND close_date IS NOT NULL
					    UNION ALL
					    SELECT 'missing', '', 0 FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					      AND (amount IS NULL OR amount = 0 OR close_date IS NULL OR account_id IS NULL)
					) d GROUP BY kind, stage, day ORDER BY kind, stage, day
					""")
			.query(String.class)
			.list();
	}

}
