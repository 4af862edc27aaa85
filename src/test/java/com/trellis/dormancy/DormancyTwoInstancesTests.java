package com.trellis.dormancy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily dormancy pass run by two instances at once (try02: each of 13 run-out
 * sequences was audited "sunset proposed" twice, and both instances logged the same
 * partner as moved): the second run, blocked behind the first's uncommitted changes,
 * finds each change made and does nothing, says nothing and counts nothing.
 */
@TrellisTest
class DormancyTwoInstancesTests {

	@Autowired
	Dormancy dormancy;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSecondRunAtTheSameTimeAuditsAndCountsNothingTheFirstDid() throws Exception {
		var world = this.fixtures.world("Twice Run Partners");
		this.clock.advance(Duration.ofDays(1));
		this.dormancy.daily();
		this.dormancy.start(world.pam(), world.partnerId());
		this.clock.advance(Duration.ofDays(30));

		var pool = Executors.newFixedThreadPool(2);
		try {
			var ran = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			var first = pool.submit(() -> this.transactions.execute(status -> {
				int moved = this.dormancy.daily();
				ran.countDown();
				await(release);
				return moved;
			}));
			assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
			var second = pool.submit(() -> this.dormancy.daily());
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc.sql(
						"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
					.query(Long.class)
					.single() > 0);
			release.countDown();
			first.get(30, TimeUnit.SECONDS);
			assertThat(second.get(30, TimeUnit.SECONDS)).isZero();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'partner' AND entity_id = ?
				AND action LIKE 'sunset proposed%'""")
			.param(String.valueOf(world.partnerId()))
			.query(Long.class)
			.single()).isOne();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
