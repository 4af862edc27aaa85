package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A confirmed payout run pays what the confirmed preview showed, also when an earning
 * whose id was drawn before the check commits while the run starts: the run's earnings
 * are read in the same snapshot as the check, not cut at the newest id (which an earning
 * of a transaction still open at the check can lie below).
 */
@TrellisTest
class ConfirmedPayoutSnapshotTests {

	@Autowired
	PayoutRuns payouts;

	@Autowired
	PayoutLedger ledger;

	@Autowired
	Incentives incentives;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void anEarningCommittedWhileAConfirmedRunStartsWaitsForTheNextRunWhateverItsId() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var program = this.incentives.createProgram(admin,
				new ProgramCommand("Snapshot rebate " + System.nanoTime(), ProgramKind.QUARTERLY_REBATE, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("tiers", java.util.List.of(Map.of("threshold", "0", "value", "1")))));
		var world = this.fixtures.world("Snapshot Payout Partners");
		String lateKey = "snapshot:late:" + world.partnerId();
		var executor = Executors.newSingleThreadExecutor();
		try (var late = this.dataSource.getConnection()) {
			late.setAutoCommit(false);
			// its id is drawn now, below the next one, but it commits only while the run
			// starts
			try (var insert = late.prepareStatement(
					"""
							INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
							VALUES (?, ?, 'REBATE', ?, 200.00, 'USD', 'test', now())""")) {
				insert.setLong(1, world.partnerId());
				insert.setLong(2, program.id());
				insert.setString(3, lateKey);
				insert.executeUpdate();
			}
			this.jdbc
				.sql("""
						INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
						VALUES (?, ?, 'REBATE', ?, 300.00, 'USD', 'test', now())
						""")
				.params(world.partnerId(), program.id(), "snapshot:early:" + world.partnerId())
				.update();
			var seen = this.ledger.preview(admin);
			assertThat(seen.pay()).filteredOn(l -> l.partnerId() == world.partnerId())
				.singleElement()
				.satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("300.00"));
			// the run's start waits until the late earning is committed
			this.jdbc.sql("""
					CREATE FUNCTION test_wait_for_late_earning() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
					  FOR i IN 1..1000 LOOP
					    EXIT WHEN EXISTS (SELECT 1 FROM incentive_earning WHERE source_key = '%s');
					    PERFORM pg_sleep(0.02);
					  END LOOP;
					  RETURN NEW;
					END $$""".formatted(lateKey)).update();
			this.jdbc.sql("""
					CREATE TRIGGER test_wait_for_late_earning AFTER INSERT ON payout_run
					FOR EACH ROW EXECUTE FUNCTION test_wait_for_late_earning()""").update();
			try {
				var run = executor.submit(() -> this.payouts.run(admin, seen.fingerprint()));
				await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
						SELECT count(*) FROM pg_stat_activity
						WHERE wait_event = 'PgSleep' AND query LIKE '%INSERT INTO payout_run%'
						""").query(Long.class).single() > 0);
				late.commit();
				run.get(30, TimeUnit.SECONDS);
			}
			finally {
				this.jdbc.sql("DROP TRIGGER test_wait_for_late_earning ON payout_run").update();
				this.jdbc.sql("DROP FUNCTION test_wait_for_late_earning()").update();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT id FROM incentive_earning WHERE partner_id = ? ORDER BY source_key DESC")
			.param(world.partnerId())
			.query(Long.class)
			.list()).as("the late earning's id lies below the early one's").isSorted();
		assertThat(paid(world.partnerId())).as("only what the confirmed preview showed").isEqualByComparingTo("300.00");
		this.payouts.run(admin, this.ledger.preview(admin).fingerprint());
		assertThat(paid(world.partnerId())).isEqualByComparingTo("500.00");
	}

	private BigDecimal paid(long partnerId) {
		return this.jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payout_item WHERE partner_id = ?")
			.param(partnerId)
			.query(BigDecimal.class)
			.single();
	}

}
