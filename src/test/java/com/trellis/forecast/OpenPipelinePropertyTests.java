package com.trellis.forecast;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.metrics.ExchangeRates;
import com.trellis.partners.Tier;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import com.trellis.tiers.OverrideCommand;
import com.trellis.tiers.PartnerTiers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open pipeline the database keeps for the program's roll-up (V110), moved by each
 * change in the statement that made it, equals its full recomputation from the open deals
 * after a random sequence (fixed seed) of registrations, stage moves, closes, reopens,
 * credit, partner, amount, currency and exchange-rate changes, hand-overs, then calls
 * commit and their withdrawal, close-date changes and a partner's tier change. The
 * sequence is the one {@code ProgramOpenStagePipelinePropertyTests} runs (same seed and
 * steps): run once per context for both ({@link RandomDealChanges#runOnce}).
 */
@TrellisTest
class OpenPipelinePropertyTests {

	private static final String FACTS = """
			SELECT stage || ' ' || grp || ' ' || partner_involved || ' ' || called || ' ' || entered_day || ' '
			       || close_month || ' ' || deals || ' ' || amount_reporting
			FROM forecast_open_fact WHERE deals <> 0 ORDER BY 1
			""";

	private static final String DEALS = """
			SELECT opportunity_id || ' ' || stage || ' ' || grp || ' ' || partner_involved || ' ' || called || ' '
			       || entered_day || ' ' || close_month || ' ' || amount_reporting
			FROM forecast_open_deal ORDER BY opportunity_id
			""";

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
	PartnerTiers tiers;

	@Test
	void theKeptOpenPipelineEqualsAFullRecomputationAfterARandomSequenceOfChanges() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var admin = changes.runOnce(20261201L, 300);
		assertThat(changes.done).containsKeys("registration", "close", "reopen");
		var random = new Random(20261201L);
		for (int step = 0; step < 60; step++) {
			this.clock.advance(Duration.ofHours(1 + random.nextInt(30)));
			var id = this.jdbc.sql("""
					SELECT id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					ORDER BY id DESC OFFSET :skip LIMIT 1
					""").param("skip", random.nextInt(40)).query(Long.class).single();
			switch (random.nextInt(3)) {
				case 0 -> this.jdbc.sql("""
						INSERT INTO forecast_call (opportunity_id, called_by, called_at)
						VALUES (:id, :by, now()) ON CONFLICT DO NOTHING
						""").param("id", id).param("by", admin.userId()).update();
				case 1 ->
					this.jdbc.sql("DELETE FROM forecast_call WHERE opportunity_id = :id").param("id", id).update();
				default -> this.jdbc.sql("UPDATE opportunity SET close_date = close_date + :days WHERE id = :id")
					.param("days", random.nextInt(200) - 100)
					.param("id", id)
					.update();
			}
		}
		long partner = this.jdbc
			.sql("""
					SELECT partner_id FROM opportunity WHERE partner_id IS NOT NULL AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					ORDER BY id DESC LIMIT 1
					""")
			.query(Long.class)
			.single();
		this.tiers.override(this.fixtures.user(Role.ADMIN), partner,
				new OverrideCommand(Tier.TIER_1_INVEST, "Promoted for a launch",
						this.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(30)));

		var kept = this.jdbc.sql(FACTS).query(String.class).list();
		var keptDeals = this.jdbc.sql(DEALS).query(String.class).list();
		assertThat(keptDeals).as("open deals kept").isNotEmpty();
		assertThat(keptDeals).as("calls kept").anyMatch(row -> row.contains(" true "));
		assertThat(this.jdbc.sql("SELECT count(*) FROM forecast_open_fact WHERE deals = 0").query(Long.class).single())
			.as("sums of no deals are removed")
			.isZero();

		this.jdbc.sql("SELECT forecast_open_rebuild()").query().singleRow();
		assertThat(this.jdbc.sql(DEALS).query(String.class).list()).isEqualTo(keptDeals);
		assertThat(this.jdbc.sql(FACTS).query(String.class).list()).isEqualTo(kept);
		assertThat(List.of(kept.size(), keptDeals.size())).as("summed: fewer rows than deals")
			.satisfies(sizes -> assertThat(sizes.get(0)).isLessThanOrEqualTo(sizes.get(1)));
	}

}
