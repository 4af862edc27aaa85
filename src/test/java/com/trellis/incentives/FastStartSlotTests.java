package com.trellis.incentives;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.trellis.deals.DealReopened;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fast-start SPIFF is held by exactly the first {@code firstDeals} deals currently won
 * within the window, by win time: a reopen frees its slot for the next win in the window,
 * and a deal won again takes its place by its new win time.
 */
@TrellisTest
class FastStartSlotTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aReopenedEarlyWinHandsItsSpiffToTheNextWinAndWinningItAgainEarnsNoThird() {
		var spiff = spiff();
		var world = newPartner("Reopened Fast Start Partners");
		long a = world.dealId();
		long b = deal(world);
		long c = deal(world);

		win(world, a);
		win(world, b);
		win(world, c);
		assertThat(holders(spiff)).containsExactly(a, b);

		this.deals.moveStage(world.ae(), a, Stage.CLOSED_WON, Stage.COMMIT, "customer reopened the order", false);
		settled(a);
		// C is now among the first two wins within the window
		assertThat(holders(spiff)).containsExactly(b, c);

		win(world, a);
		// A was won again after B and C: it is the third win, and earns none
		assertThat(holders(spiff)).containsExactly(b, c);
		assertThat(total(spiff)).isEqualByComparingTo("300000");
		assertThat(kinds(spiff, c)).containsExactly("SPIFF");
	}

	@Test
	void twoEarlyWinsReopenedAtOnceHandTheirSpiffsToTheNextTwoWinsOnce() throws Exception {
		var spiff = spiff();
		var world = newPartner("Twice Reopened Fast Start Partners");
		long a = world.dealId();
		long b = deal(world);
		long c = deal(world);
		long d = deal(world);
		for (long deal : List.of(a, b, c, d)) {
			win(world, deal);
		}
		assertThat(holders(spiff)).containsExactly(a, b);

		// both reopened at once, each announced to Incentives in its own transaction
		this.jdbc.sql("UPDATE opportunity SET stage = 'COMMIT', closed_at = NULL WHERE id IN (?, ?)")
			.params(a, b)
			.update();
		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		var start = new CountDownLatch(1);
		var reopened = List.of(a, b).stream().map(deal -> CompletableFuture.runAsync(() -> {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(deal, world.partnerId())));
		})).toList();
		start.countDown();
		CompletableFuture.allOf(reopened.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		assertThat(holders(spiff)).containsExactly(c, d);
		assertThat(kinds(spiff, a)).containsExactly("SPIFF", "REVERSAL");
		assertThat(kinds(spiff, b)).containsExactly("SPIFF", "REVERSAL");
		assertThat(kinds(spiff, c)).containsExactly("SPIFF");
		assertThat(kinds(spiff, d)).containsExactly("SPIFF");
	}

	private Program spiff() {
		return this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Fast start " + System.nanoTime(), ProgramKind.FAST_START_SPIFF, "JPY",
						LocalDate.of(2026, 1, 1), null,
						Map.of("bonus", "150000", "firstDeals", "2", "withinDays", "30")));
	}

	/** A partner onboarded five days ago, ACTIVE. */
	private Fixtures.World newPartner(String name) {
		var world = this.fixtures.world(name);
		this.jdbc.sql("UPDATE partner SET onboarded_on = ?, lifecycle_status = 'ACTIVE' WHERE id = ?")
			.params(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(5), world.partnerId())
			.update();
		return world;
	}

	private long deal(Fixtures.World world) {
		return this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "125000.00");
	}

	/**
	 * Wins the deal an hour after the last change, and waits until Incentives judged it.
	 */
	private void win(Fixtures.World world, long deal) {
		this.clock.advance(Duration.ofHours(1));
		var from = this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?").param(deal).query(String.class).single();
		this.deals.moveStage(world.ae(), deal, Stage.valueOf(from), Stage.CLOSED_WON, "signed", false);
		settled(deal);
	}

	/** Waits until every event about the deal was handled. */
	private void settled(long deal) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
				.param("%\"opportunityId\":" + deal + ",%")
				.query(Long.class)
				.single() == 0);
	}

	/** The deals holding the program's SPIFF now (earned and not reversed). */
	private List<Long> holders(Program program) {
		return this.jdbc.sql("""
				SELECT opportunity_id FROM incentive_earning WHERE program_id = ?
				GROUP BY opportunity_id HAVING sum(amount) <> 0 ORDER BY opportunity_id
				""").param(program.id()).query(Long.class).list();
	}

	private java.math.BigDecimal total(Program program) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0) FROM incentive_earning WHERE program_id = ?")
			.param(program.id())
			.query(java.math.BigDecimal.class)
			.single();
	}

	private List<String> kinds(Program program, long deal) {
		return this.jdbc
			.sql("SELECT kind FROM incentive_earning WHERE program_id = ? AND opportunity_id = ? ORDER BY id")
			.params(program.id(), deal)
			.query(String.class)
			.list();
	}

}
