package com.trellis.forecast;

import java.time.Instant;

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
 * The live forecast model kept as counts, moved by each close and reopen, equals the
 * model fully relearnt from every closed deal's stage history after the same random
 * sequence of changes (fixed seed) as the facts' property test (run once per context for
 * both, {@link RandomDealChanges#runOnce}): the same probabilities, time-in-stage norms
 * and paths for every stage and group.
 */
@TrellisTest
class IncrementalForecastModelTests {

	/** A cut-off after every close: the full relearning over all closed deals. */
	private static final Instant AFTER_EVERYTHING = Instant.parse("2100-01-01T00:00:00Z");

	/** Every ledger row, in one text (the rows of every closed deal of the database). */
	private static final String LEDGER = """
			SELECT count(*) || ':' || COALESCE(md5(string_agg(concat_ws('|', opportunity_id, stage, grp, won, days,
			  first_at, last_at), ',' ORDER BY opportunity_id, stage)), '') FROM forecast_deal_stage
			""";

	@Autowired
	ForecastModel model;

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

	@Test
	void theModelKeptAsCountsEqualsAFullRelearningAfterARandomSequenceOfChanges() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		changes.runOnce(20261130L, 400);
		assertThat(changes.done).containsKeys("close", "reopen");

		assertThat(this.model.probabilities(null)).isEqualTo(this.model.probabilities(AFTER_EVERYTHING));
		assertThat(this.model.norms(null, true)).isEqualTo(this.model.norms(AFTER_EVERYTHING, true));
		assertThat(this.model.paths(null, true)).isEqualTo(this.model.paths(AFTER_EVERYTHING, true));
		assertThat(this.jdbc.sql("SELECT count(*) FROM forecast_deal_stage").query(Long.class).single()).isPositive();
		var counted = this.jdbc.sql(
				"SELECT stage || grp || closed || '/' || won FROM forecast_stage_count WHERE closed <> 0 OR won <> 0 ORDER BY 1")
			.query(String.class)
			.list();
		var paths = this.jdbc
			.sql("SELECT from_stage || to_stage || grp || deals FROM forecast_path_count WHERE deals <> 0 ORDER BY 1")
			.query(String.class)
			.list();

		var ledger = this.jdbc.sql(LEDGER).query(String.class).single();
		var bins = this.jdbc
			.sql("SELECT stage || grp || bin || '/' || deals FROM forecast_stage_days WHERE deals <> 0 ORDER BY 1")
			.query(String.class)
			.list();

		// the full rebuild of the counts gives the same ledger and counts
		this.jdbc.sql("SELECT forecast_counts_rebuild()").query().singleRow();
		assertThat(this.jdbc.sql(LEDGER).query(String.class).single()).isEqualTo(ledger);
		assertThat(this.jdbc.sql("SELECT stage || grp || bin || '/' || deals FROM forecast_stage_days ORDER BY 1")
			.query(String.class)
			.list()).isEqualTo(bins);
		assertThat(this.jdbc.sql("SELECT stage || grp || closed || '/' || won FROM forecast_stage_count ORDER BY 1")
			.query(String.class)
			.list()).isEqualTo(counted);
		assertThat(this.jdbc.sql("SELECT from_stage || to_stage || grp || deals FROM forecast_path_count ORDER BY 1")
			.query(String.class)
			.list()).isEqualTo(paths);
		assertThat(this.model.probabilities(null)).isEqualTo(this.model.probabilities(AFTER_EVERYTHING));
		assertThat(this.model.norms(null, true)).isEqualTo(this.model.norms(AFTER_EVERYTHING, true));
		assertThat(this.model.paths(null, true)).isEqualTo(this.model.paths(AFTER_EVERYTHING, true));
	}

}
