package com.trellis.incentives;

import java.time.Duration;
import java.util.List;

import com.trellis.deals.DealReopened;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first-win badge follows the deal's outcome (issue 12, item 4): taken back when the
 * partner's only win is lost or reopened, kept while another win is left, given again
 * with the next win.
 */
@TrellisTest
class FirstWinBadgeTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thePartnersOnlyWinSetToLostTakesTheFirstWinBadgeBackAndTheNextWinGivesItAgain() {
		var world = this.fixtures.world("Only Win Partners");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> badges(world).contains("FIRST_WIN"));

		this.deals.moveStage(world.ae(), world.dealId(), Stage.CLOSED_WON, Stage.CLOSED_LOST, "customer withdrew",
				false);
		await().atMost(Duration.ofSeconds(10)).until(() -> !badges(world).contains("FIRST_WIN"));
		assertThat(takenBack(world.partnerId())).hasSize(1);

		// delivered again, as the event registry would after a restart: nothing more
		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));
		assertThat(takenBack(world.partnerId())).hasSize(1);

		long next = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "50000.00");
		this.deals.moveStage(world.ae(), next, Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> badges(world).contains("FIRST_WIN"));
	}

	@Test
	void reopeningOneOfTwoWinsKeepsTheFirstWinBadge() {
		var world = this.fixtures.world("Two Win Partners");
		long second = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "50000.00");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		this.deals.moveStage(world.ae(), second, Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> badges(world).contains("FIRST_WIN"));

		this.deals.moveStage(world.ae(), world.dealId(), Stage.CLOSED_WON, Stage.QUALIFIED, "order form unsigned",
				false);
		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));

		assertThat(badges(world)).contains("FIRST_WIN");
		assertThat(takenBack(world.partnerId())).isEmpty();
	}

	private List<String> badges(Fixtures.World world) {
		return this.incentives.badges(world.partnerUser(), world.partnerId())
			.stream()
			.map(badge -> (String) badge.get("badge"))
			.toList();
	}

	private List<String> takenBack(long partnerId) {
		return this.jdbc
			.sql("SELECT action FROM audit_entry WHERE entity_type = 'partner-badge' AND entity_id = ?"
					+ " AND action LIKE 'first win taken back%' ORDER BY id")
			.param(partnerId + ":FIRST_WIN")
			.query(String.class)
			.list();
	}

}
