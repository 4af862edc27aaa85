package com.trellis.deals;

import java.util.List;

import com.trellis.facts.DealFacts;
import com.trellis.identity.Role;
import com.trellis.metrics.ExchangeRates;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.RandomDealChanges;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): the program's open pipeline by stage, partner involvement
 * and currency kept by the deals' triggers (V120, {@code program_open_stage_fact}) equals
 * the count and sum over the deals that the home page read before, line for line (same
 * order, same amounts to the cent), after a random sequence of registrations, stage
 * moves, closes, reopens, credit changes, partner attachments and amount corrections, and
 * a currency and amount change of several deals in one statement; and again after the
 * facts rebuild. The sequence is run once per context for this class and
 * {@code OpenPipelinePropertyTests} ({@link RandomDealChanges#runOnce}).
 */
@TrellisTest
class ProgramOpenStagePipelinePropertyTests {

	private static final long SEED = 20261201L;

	private static final int STEPS = 150;

	@Autowired
	Deals deals;

	@Autowired
	com.trellis.deals.DealCredit credit;

	@Autowired
	PipelineReads repository;

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

	@Test
	void keptOpenPipelineByStageEqualsTheDealsCountedAfterARandomSequenceOfChanges() {
		var changes = new RandomDealChanges(this.deals, this.credit, this.rates, this.fixtures, this.clock, this.jdbc);
		var admin = changes.runOnce(SEED, STEPS);
		assertThat(changes.done).containsKeys("registration", "stage move", "close", "reopen");
		// a currency change and an amount change of open deals in one statement
		this.jdbc
			.sql("""
					UPDATE opportunity SET currency = CASE WHEN currency = 'USD' THEN 'EUR' ELSE 'USD' END, amount = amount + 1
					WHERE id IN (SELECT id FROM opportunity WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY id LIMIT 7)
					""")
			.update();
		var kept = this.repository.openPipeline(admin, null, null);
		assertThat(kept).as("kept open pipeline by stage")
			.isNotEmpty()
			.containsExactlyElementsOf(this.repository.openPipelineOfDeals(admin, null, null));
		assertThat(kept.stream().map(PipelineLine::stage).distinct().count()).as("stages covered").isGreaterThan(1);
		assertThat(kept.stream().map(PipelineLine::partnerInvolved).distinct().toList())
			.as("partner-involved and direct deals")
			.containsExactlyInAnyOrder(true, false);
		// no slot is left with deals of a closed stage
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM program_open_stage_fact WHERE stage IN ('CLOSED_WON', 'CLOSED_LOST')")
			.query(Long.class)
			.single()).isZero();
		// the rebuild gives the same again
		this.facts.rebuild(admin);
		assertThat(this.repository.openPipeline(admin, null, null)).as("after the rebuild")
			.containsExactlyElementsOf(this.repository.openPipelineOfDeals(admin, null, null));
		// the scoped readings still count the deals: a PAM's partners, a rep's deals
		var partners = this.jdbc.sql("SELECT DISTINCT partner_id FROM opportunity WHERE partner_id IS NOT NULL")
			.query(Long.class)
			.list();
		assertThat(this.repository.openPipeline(admin, null, partners))
			.containsExactlyElementsOf(this.repository.openPipelineOfDeals(admin, null, partners));
		// a partner's deals per stage in one statement (the portal) equal a search per
		// stage,
		// for the admin and for a user of the partner
		long counted = 0;
		for (long partner : partners.subList(0, Math.min(3, partners.size()))) {
			for (var viewer : List.of(admin, this.fixtures.user(Role.PARTNER, partner, null))) {
				var byStage = this.deals.countByStage(viewer, partner);
				assertThat(byStage.keySet()).containsExactly(Stage.values());
				for (var stage : Stage.values()) {
					var filter = new DealFilter(null, stage, null, null, partner, null, null);
					assertThat(byStage.get(stage)).as("%s deals of partner %d", stage, partner)
						.isEqualTo(this.deals.search(viewer, filter, PageRequest.of(0, 1)).total());
					counted += byStage.get(stage);
				}
			}
		}
		assertThat(counted).isPositive();
		assertThat(this.deals.openPipeline(this.fixtures.user(Role.EXECUTIVE), null, null))
			.as("through the facade, as the executive's home reads it")
			.containsExactlyElementsOf(this.repository.openPipelineOfDeals(admin, null, null));
	}

}
