package com.trellis.forecast;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast counts' full rebuild (V193: closed deals joined to spans of their
 * partner's tier history; with an empty ledger V137's load, the indexes built after it)
 * gives the ledger and the stage counts the incremental refresh kept, deal by deal, with
 * each deal in the group of the tier its partner had on the deal's creation day: before
 * the first change the first change's {@code from_tier}, then each change's
 * {@code to_tier}, a later change on the same day winning; a partner without changes in
 * its tier now. The ledger keeps both indexes. The test runs in one transaction that is
 * rolled back: the ledger it empties and the tier changes it adds never reach the
 * database the other test classes share.
 */
@TrellisTest
@Transactional
class ForecastCountsRebuildTests {

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRebuildGivesEachClosedDealTheLedgerRowsTheIncrementalRefreshKept() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Rebuild Spans Partner");
		long before = world.dealId();
		long onTie = dealAfter(world, 3);
		long between = dealAfter(world, 3);
		long last = dealAfter(world, 3);
		var plain = this.fixtures.world("Rebuild Plain Partner");
		var ids = List.of(before, onTie, between, last, plain.dealId());
		for (long id : ids) {
			close(admin, id, id == between ? Stage.CLOSED_LOST : Stage.CLOSED_WON);
		}
		// the first deal created before the first change; the second on a day with two
		// changes (the later wins); the third between changes; the last after the last
		change(world.partnerId(), "TIER_3_BASELINE", "TIER_2_EMERGING", creationDay(before).plusDays(2));
		change(world.partnerId(), "TIER_2_EMERGING", "TIER_1_INVEST", creationDay(onTie));
		change(world.partnerId(), "TIER_1_INVEST", "TIER_2_EMERGING", creationDay(onTie));
		change(world.partnerId(), "TIER_2_EMERGING", "TIER_1_INVEST", creationDay(between).minusDays(1));
		change(world.partnerId(), "TIER_1_INVEST", "TIER_3_BASELINE", creationDay(last).minusDays(1));
		var plainTier = this.jdbc.sql("SELECT tier FROM partner WHERE id = :id")
			.param("id", plain.partnerId())
			.query(String.class)
			.single();

		var kept = ledger(ids);
		var counted = counts();
		assertThat(groups(ids)).containsExactly("PARTNER:TIER_3_BASELINE", "PARTNER:TIER_2_EMERGING",
				"PARTNER:TIER_1_INVEST", "PARTNER:TIER_3_BASELINE", "PARTNER:" + plainTier);

		this.jdbc.sql("SELECT forecast_counts_rebuild()").query().singleRow();

		assertThat(ledger(ids)).isEqualTo(kept).hasSizeGreaterThanOrEqualTo(2 * ids.size());
		// the counts come from the rebuild's own reading of the spans, not from the
		// ledger
		assertThat(counts()).isEqualTo(counted);
		// and the first build (an empty ledger) reads them as V137 did
		this.jdbc.sql("TRUNCATE forecast_deal_stage").update();
		this.jdbc.sql("SELECT forecast_counts_rebuild()").query().singleRow();
		assertThat(ledger(ids)).isEqualTo(kept);
		assertThat(counts()).isEqualTo(counted);
		assertThat(this.jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'forecast_deal_stage' ORDER BY 1")
			.query(String.class)
			.list()).containsExactly("forecast_deal_stage_days_idx", "forecast_deal_stage_pkey");
		// a reopen after the rebuild still takes the deal's rows out through the key
		this.deals.moveStage(admin, last, Stage.CLOSED_WON, Stage.COMMIT, "reopened after the rebuild", false);
		assertThat(ledger(List.of(last))).isEmpty();
	}

	private long dealAfter(com.trellis.support.Fixtures.World world, int days) {
		this.clock.advance(Duration.ofDays(days));
		return this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "4000.00");
	}

	/** Through two open stages a day apart, then closed a day later. */
	private void close(Viewer admin, long id, Stage closed) {
		this.deals.moveStage(admin, id, Stage.QUALIFIED, Stage.JOINT_WORKING, "rebuild test", false);
		this.clock.advance(Duration.ofHours(30));
		this.deals.moveStage(admin, id, Stage.JOINT_WORKING, Stage.COMMIT, "rebuild test", false);
		this.clock.advance(Duration.ofHours(20));
		this.deals.moveStage(admin, id, Stage.COMMIT, closed, "rebuild test", false);
	}

	private LocalDate creationDay(long id) {
		return this.jdbc.sql(
				"SELECT CAST(created_at AT TIME ZONE (SELECT zone FROM fact_setting) AS DATE) FROM opportunity WHERE id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single();
	}

	private void change(long partnerId, String from, String to, LocalDate effective) {
		this.jdbc.sql("""
				INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_at)
				VALUES (:partner, :from, :to, :on, 'MANUAL', 'rebuild test', :at)
				""")
			.param("partner", partnerId)
			.param("from", from)
			.param("to", to)
			.param("on", Date.valueOf(effective))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	private List<String> ledger(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT concat_ws('|', opportunity_id, stage, grp, won, days, first_at, last_at) FROM forecast_deal_stage
				WHERE opportunity_id IN (:ids) ORDER BY opportunity_id, stage
				""").param("ids", ids).query(String.class).list();
	}

	/**
	 * The stage counts, none zero (the refresh may leave zeros, the rebuild writes none).
	 */
	private List<String> counts() {
		return this.jdbc.sql("""
				SELECT stage || grp || closed || '/' || won FROM forecast_stage_count WHERE closed <> 0 OR won <> 0
				ORDER BY 1
				""").query(String.class).list();
	}

	private List<String> groups(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT min(grp) FROM forecast_deal_stage WHERE opportunity_id IN (:ids)
				GROUP BY opportunity_id ORDER BY opportunity_id
				""").param("ids", ids).query(String.class).list();
	}

}
