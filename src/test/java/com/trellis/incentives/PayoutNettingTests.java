package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.deals.DealReopened;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payout pays a partner's net per currency only when it is positive; a reversal of a
 * paid earning is a receivable offset against the next earnings, never a negative
 * payment.
 */
@TrellisTest
class PayoutNettingTests {

	@Autowired
	Incentives incentives;

	@Autowired
	PayoutRuns payouts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aReversalOfAPaidEarningIsNotPaidButOffsetAgainstTheNextEarning() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.incentives.createProgram(admin,
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 31),
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var world = this.fixtures.world("Clawed Back Partners");
		// programs of other tests are not in force in March 2021
		win(world.dealId(), "5000.00", "2021-03-10T12:00:00Z");
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		var first = this.payouts.run(admin);
		assertThat(paid(world.partnerId())).isEqualByComparingTo("500.00");
		// failed before (s59 try-out): the audit log said "paid 1 earnings of partner …"
		// without the money, and a run's end was not in it
		assertThat(this.jdbc.sql("""
				SELECT action || ' | ' || (after -> 'amounts' ->> 'USD') FROM audit_entry
				WHERE entity_type = 'payout-run' AND entity_id = ? AND action LIKE 'paid %'
				""").param(String.valueOf(first.runId())).query(String.class).list())
			.anySatisfy(line -> assertThat(line).contains("of partner " + world.partnerId() + ": ")
				.endsWith("500.00 | 500.00"));
		assertThat(this.fixtures.count("audit_entry WHERE entity_type = 'payout-run' AND entity_id = '" + first.runId()
				+ "' AND action LIKE 'finished: paid % earnings'"))
			.isOne();

		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.jdbc.sql("UPDATE opportunity SET stage = 'COMMIT', closed_at = NULL WHERE id = ?")
			.param(world.dealId())
			.update();
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));
		this.payouts.run(admin);

		assertThat(negativeItems(world.partnerId())).isEmpty();
		var statement = this.incentives.statement(world.pam(), world.partnerId());
		assertThat(statement.unpaid()).doesNotContainKey("USD");
		assertThat(statement.toOffset()).containsEntry("USD", new BigDecimal("500.00"));
		assertThat(statement.paid().get("USD")).isEqualByComparingTo("500.00");

		long next = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1");
		win(next, "20000.00", "2021-03-20T12:00:00Z");
		this.incentives.earnForWin(world.partnerId(), next);
		var run = this.payouts.run(admin);

		// this run pays 2,000.00 earned less the 500.00 owed
		assertThat(this.jdbc.sql("SELECT sum(amount) FROM payout_item WHERE partner_id = ? AND run_id = ?")
			.params(world.partnerId(), run.runId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1500.00");
		assertThat(this.incentives.statement(world.pam(), world.partnerId()).toOffset()).isEmpty();
	}

	private void win(long dealId, String amount, String closedAt) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = 'USD', closed_at = ?, partner_share = 100
					WHERE id = ?
					""")
			.params(new BigDecimal(amount), Timestamp.from(java.time.Instant.parse(closedAt)), dealId)
			.update();
	}

	private BigDecimal paid(long partnerId) {
		return this.jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM payout_item WHERE partner_id = ? AND currency = 'USD'")
			.param(partnerId)
			.query(BigDecimal.class)
			.single();
	}

	private List<BigDecimal> negativeItems(long partnerId) {
		return this.jdbc.sql("SELECT amount FROM payout_item WHERE partner_id = ? AND amount < 0")
			.param(partnerId)
			.query(BigDecimal.class)
			.list();
	}

}
