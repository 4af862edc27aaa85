package com.trellis.facts;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.deals.Deals;
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
 * Property-style (fixed seed): after a random sequence of registrations, stage moves,
 * closes, reopens, credit changes, partner attachments, amount corrections, hand-overs
 * and exchange-rate changes, every fact equals what a recomputation from the deals and
 * their stage moves gives (the ROI page's month and close facts, V131, included). The
 * recomputation here is written independently of the triggers. The sequence is run once
 * per context for this class and {@code IncrementalForecastModelTests}
 * ({@link RandomDealChanges#runOnce}).
 */
@TrellisTest
class DealFactsPropertyTests {

	private static final long SEED = 20261130L;

	private static final int STEPS = 200;

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
	com.trellis.shared.CountingWins counting;

	@Test
	void factsEqualARecomputationAfterARandomSequenceOfChanges() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var admin = changes.runOnce(SEED, STEPS);
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen", "credit change");
		assertThat(rows("partner_day_fact", "day, partner_id, credit_type, currency")).as("per partner and day")
			.containsExactlyElementsOf(recomputedPartnerDays());
		assertThat(rows("rep_day_fact", "day, owner_id, partner_involved, currency")).as("per rep and day")
			.containsExactlyElementsOf(recomputedRepDays());
		assertThat(openPipeline()).as("open pipeline").containsExactlyElementsOf(recomputedOpenPipeline());
		assertThat(programDays()).as("per program day").containsExactlyElementsOf(recomputedProgramDays());
		assertThat(programOpen()).as("program's open pipeline").containsExactlyElementsOf(recomputedProgramOpen());
		assertThat(firstWins()).as("each partner's first counted win").containsExactlyElementsOf(recomputedFirstWins());
		assertThat(WonCycleRows.kept(this.jdbc)).as("won deals per close day and cycle day")
			.isNotEmpty()
			.containsExactlyElementsOf(WonCycleRows.recomputed(this.jdbc));
		assertThat(RoiFactRows.keptMonths(this.jdbc)).as("per partner and month")
			.isNotEmpty()
			.containsExactlyElementsOf(RoiFactRows.recomputedMonths(this.jdbc));
		assertThat(RoiFactRows.keptCloses(this.jdbc)).as("closes per month, industry and partner")
			.isNotEmpty()
			.containsExactlyElementsOf(RoiFactRows.recomputedCloses(this.jdbc));
		// and the rebuild command gives the same again
		this.facts.rebuild(admin);
		assertThat(rows("partner_day_fact", "day, partner_id, credit_type, currency"))
			.containsExactlyElementsOf(recomputedPartnerDays());
		assertThat(programDays()).as("per program day after the rebuild")
			.containsExactlyElementsOf(recomputedProgramDays());
		assertThat(programOpen()).as("program's open pipeline after the rebuild")
			.containsExactlyElementsOf(recomputedProgramOpen());
		assertThat(firstWins()).as("first counted wins after the rebuild")
			.containsExactlyElementsOf(recomputedFirstWins());
		assertThat(WonCycleRows.kept(this.jdbc)).as("won deals per close day and cycle day after the rebuild")
			.containsExactlyElementsOf(WonCycleRows.recomputed(this.jdbc));
		assertThat(RoiFactRows.keptMonths(this.jdbc)).as("per partner and month after the rebuild")
			.containsExactlyElementsOf(RoiFactRows.recomputedMonths(this.jdbc));
		assertThat(RoiFactRows.keptCloses(this.jdbc)).as("closes after the rebuild")
			.containsExactlyElementsOf(RoiFactRows.recomputedCloses(this.jdbc));
	}

	private List<String> firstWins() {
		return this.jdbc.sql("SELECT partner_id || '|' || first_win FROM partner_first_win_fact ORDER BY partner_id")
			.query(String.class)
			.list();
	}

	/** Each partner's earliest won deal whose amount counts (the KPI's rule). */
	private List<String> recomputedFirstWins() {
		return this.jdbc.sql("""
				SELECT o.partner_id || '|' || min(o.closed_at) FROM opportunity o
				LEFT JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND o.closed_at IS NOT NULL AND %s
				GROUP BY o.partner_id ORDER BY o.partner_id
				""".formatted(this.counting.sql("o.amount", "fx.to_reporting"))).query(String.class).list();
	}

	/** The program's facts, their slots summed. */
	private List<String> programDays() {
		return this.jdbc
			.sql("""
					WITH summed AS (
					  SELECT day, partner_involved, credit_type, currency, sum(created_count) AS cc, sum(created_amount) AS ca,
					         sum(created_reporting) AS cr, sum(won_count) AS wc, sum(won_amount) AS wa, sum(won_reporting) AS wr,
					         sum(lost_count) AS lc, sum(lost_amount) AS la, sum(lost_reporting) AS lr, sum(won_cycle_days) AS wd,
					         sum(lost_cycle_days) AS ld, sum(stage_moves) AS sm
					  FROM program_day_fact GROUP BY day, partner_involved, credit_type, currency)
					SELECT concat_ws('|', day, partner_involved, credit_type, currency, cc, ca, cr, wc, wa, wr, lc, la, lr,
					                 round(wd, 6), round(ld, 6), sm)
					FROM summed WHERE (cc, ca, cr, wc, wa, wr, lc, la, lr, wd, ld, sm) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
					ORDER BY day, partner_involved, credit_type, currency
					""")
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	private List<String> recomputedProgramDays() {
		return this.jdbc.sql(PER_DEAL + """
				SELECT concat_ws('|', day, partner_id IS NOT NULL, COALESCE(credit_type, ''), currency, %s) FROM events
				GROUP BY day, partner_id IS NOT NULL, COALESCE(credit_type, ''), currency %s
				ORDER BY day, partner_id IS NOT NULL, COALESCE(credit_type, ''), currency
				""".formatted(SUMS, HAVING))
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	private static final String MEASURES = """
			created_count, created_amount, created_reporting, won_count, won_amount, won_reporting,
			lost_count, lost_amount, lost_reporting, round(won_cycle_days, 6), round(lost_cycle_days, 6), stage_moves""";

	private static final String NOT_ALL_ZERO = """
			(created_count, created_amount, created_reporting, won_count, won_amount, won_reporting, lost_count,
			 lost_amount, lost_reporting, won_cycle_days, lost_cycle_days, stage_moves)
			 <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)""";

	private List<String> rows(String table, String key) {
		return this.jdbc
			.sql("SELECT concat_ws('|', " + key + ", " + MEASURES + ") FROM " + table + " WHERE " + NOT_ALL_ZERO
					+ " ORDER BY " + key)
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	/**
	 * Per deal: created on its creation day, closed on its close day, one row per move.
	 */
	private static final String PER_DEAL = """
			WITH z AS (SELECT zone FROM fact_setting),
			d AS (SELECT o.*, COALESCE(round(o.amount * fx.to_reporting, 2), 0) AS rep
			      FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency),
			events AS (
			  SELECT d.partner_id, d.credit_type, d.owner_id, d.currency, CAST(d.created_at AT TIME ZONE z.zone AS DATE) AS day,
			         1 AS cc, d.amount AS ca, d.rep AS cr, 0 AS wc, 0 AS wa, 0 AS wr, 0 AS lc, 0 AS la, 0 AS lr,
			         0 AS wd, 0 AS ld, 0 AS sm
			  FROM d, z
			  UNION ALL
			  SELECT d.partner_id, d.credit_type, d.owner_id, d.currency, CAST(d.closed_at AT TIME ZONE z.zone AS DATE), 0, 0, 0,
			         (d.stage = 'CLOSED_WON')::int, CASE WHEN d.stage = 'CLOSED_WON' THEN d.amount ELSE 0 END,
			         CASE WHEN d.stage = 'CLOSED_WON' THEN d.rep ELSE 0 END,
			         (d.stage = 'CLOSED_LOST')::int, CASE WHEN d.stage = 'CLOSED_LOST' THEN d.amount ELSE 0 END,
			         CASE WHEN d.stage = 'CLOSED_LOST' THEN d.rep ELSE 0 END,
			         CASE WHEN d.stage = 'CLOSED_WON' THEN extract(epoch FROM d.closed_at - d.created_at) / 86400 ELSE 0 END,
			         CASE WHEN d.stage = 'CLOSED_LOST' THEN extract(epoch FROM d.closed_at - d.created_at) / 86400 ELSE 0 END, 0
			  FROM d, z WHERE d.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND d.closed_at IS NOT NULL
			  UNION ALL
			  SELECT d.partner_id, d.credit_type, d.owner_id, d.currency, CAST(sc.changed_at AT TIME ZONE z.zone AS DATE),
			         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
			  FROM d JOIN opportunity_stage_change sc ON sc.opportunity_id = d.id, z)
			""";

	private static final String SUMS = """
			sum(cc), sum(ca), sum(cr), sum(wc), sum(wa), sum(wr), sum(lc), sum(la), sum(lr), round(sum(wd), 6),
			round(sum(ld), 6), sum(sm)""";

	private static final String HAVING = """
			HAVING (sum(cc), sum(ca), sum(cr), sum(wc), sum(wa), sum(wr), sum(lc), sum(la), sum(lr), sum(wd), sum(ld), sum(sm))
			  <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)""";

	private List<String> recomputedPartnerDays() {
		return this.jdbc.sql(PER_DEAL + """
				SELECT concat_ws('|', day, COALESCE(partner_id, 0), COALESCE(credit_type, ''), currency, %s) FROM events
				GROUP BY day, COALESCE(partner_id, 0), COALESCE(credit_type, ''), currency %s
				ORDER BY day, COALESCE(partner_id, 0), COALESCE(credit_type, ''), currency
				""".formatted(SUMS, HAVING))
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	private List<String> recomputedRepDays() {
		return this.jdbc.sql(PER_DEAL + """
				SELECT concat_ws('|', day, owner_id, partner_id IS NOT NULL, currency, %s) FROM events
				GROUP BY day, owner_id, partner_id IS NOT NULL, currency %s
				ORDER BY day, owner_id, partner_id IS NOT NULL, currency
				""".formatted(SUMS, HAVING))
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	private List<String> openPipeline() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', partner_id, credit_type, currency, open_count, open_amount, open_reporting)
				FROM open_pipeline_fact WHERE (open_count, open_amount, open_reporting) <> (0, 0, 0)
				ORDER BY partner_id, credit_type, currency
				""").query(String.class).list().stream().map(DealFactsPropertyTests::normalised).toList();
	}

	private List<String> recomputedOpenPipeline() {
		return this.jdbc
			.sql("""
					SELECT concat_ws('|', COALESCE(o.partner_id, 0), COALESCE(o.credit_type, ''), o.currency, count(*), sum(o.amount),
					                 sum(COALESCE(round(o.amount * fx.to_reporting, 2), 0)))
					FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
					WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					GROUP BY COALESCE(o.partner_id, 0), COALESCE(o.credit_type, ''), o.currency
					ORDER BY COALESCE(o.partner_id, 0), COALESCE(o.credit_type, ''), o.currency
					""")
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	/** The program's open pipeline (V108), its slots summed. */
	private List<String> programOpen() {
		return this.jdbc.sql("""
				SELECT concat_ws('|', partner_involved, credit_type, currency, sum(open_count), sum(open_amount),
				                 sum(open_reporting))
				FROM program_open_fact GROUP BY partner_involved, credit_type, currency
				HAVING (sum(open_count), sum(open_amount), sum(open_reporting)) <> (0, 0, 0)
				ORDER BY partner_involved, credit_type, currency
				""").query(String.class).list().stream().map(DealFactsPropertyTests::normalised).toList();
	}

	private List<String> recomputedProgramOpen() {
		return this.jdbc
			.sql("""
					SELECT concat_ws('|', o.partner_id IS NOT NULL, COALESCE(o.credit_type, ''), o.currency, count(*), sum(o.amount),
					                 sum(COALESCE(round(o.amount * fx.to_reporting, 2), 0)))
					FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
					WHERE o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					GROUP BY o.partner_id IS NOT NULL, COALESCE(o.credit_type, ''), o.currency
					ORDER BY o.partner_id IS NOT NULL, COALESCE(o.credit_type, ''), o.currency
					""")
			.query(String.class)
			.list()
			.stream()
			.map(DealFactsPropertyTests::normalised)
			.toList();
	}

	/** Numbers compared by value (1000.0000 is 1000). */
	private static String normalised(String row) {
		var parts = row.split("\\|", -1);
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].matches("-?\\d+\\.\\d+")) {
				parts[i] = new BigDecimal(parts[i]).stripTrailingZeros().toPlainString();
			}
		}
		return String.join("|", parts);
	}

}
