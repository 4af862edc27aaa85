package com.trellis.handover;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hand-overs of one user's work sent at once (try84: both answered 200, the second
 * audited "0 accounts to …" with the counts held before the first): the second waits for
 * the first, finds nothing left, moves and audits nothing.
 */
@TrellisTest
class HandoverConcurrencyTests {

	@Autowired
	Handover handover;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSecondHandOverSentMeanwhileWaitsAndMovesNothing() throws Exception {
		var world = this.fixtures.world("Handover Race World");
		var admin = this.fixtures.user(Role.ADMIN);
		var first = this.fixtures.user(Role.AE);
		var second = this.fixtures.user(Role.AE);
		var firstDone = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var one = CompletableFuture.supplyAsync(() -> this.transactions.execute(tx -> {
			var result = this.handover.handOver(admin, world.ae().userId(),
					new HandoverCommand(first.userId(), null, null, null, null));
			firstDone.countDown();
			await(release);
			return result;
		}));
		assertThat(firstDone.await(20, TimeUnit.SECONDS)).isTrue();
		var two = CompletableFuture.supplyAsync(() -> this.handover.handOver(admin, world.ae().userId(),
				new HandoverCommand(second.userId(), null, null, null, null)));
		Thread.sleep(1500); // the second has read what the user holds, or waits to
		release.countDown();

		assertThat(one.get(20, TimeUnit.SECONDS).moved()).containsKeys(Kind.ACCOUNTS, Kind.DEALS);
		assertThat(two.get(20, TimeUnit.SECONDS).moved()).isEmpty();
		assertThat(this.jdbc.sql("SELECT owner_ae_id FROM account WHERE id = ?")
			.param(world.accountId())
			.query(Long.class)
			.single()).isEqualTo(first.userId());
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'user' AND entity_id = ?")
			.param(String.valueOf(world.ae().userId()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
