package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@TrellisTest
class IncentiveTests {

	@Autowired
	Incentives incentives;

	@Autowired
	PayoutRuns payouts;

	@Autowired
	PayoutLedger ledger;

	@Autowired
	MarketDevelopmentFunds mdf;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWinEarnsByRuleAReopenReversesItAndAWinAgainEarnsAgain() {
		var admin = this.fixtures.user(Role.ADMIN);
		var referral = this.incentives.createProgram(admin,
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var world = this.fixtures.world("Earning Partners");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);
		// 10 % of the partner's 20 % share of USD 125,000.00
		assertThat(sum(world.partnerId(), referral.id())).isEqualByComparingTo("2500.00");

		this.deals.moveStage(world.ae(), world.dealId(), Stage.CLOSED_WON, Stage.COMMIT, "customer reopened the order",
				false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() == 0);
		this.deals.moveStage(world.ae(), world.dealId(), Stage.COMMIT, Stage.CLOSED_WON, "signed again", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);
		assertThat(
				this.jdbc.sql("SELECT kind FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
					.params(world.partnerId(), referral.id())
					.query(String.class)
					.list())
			.containsExactly("REFERRAL", "REVERSAL", "REFERRAL");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE incentive_earning SET amount = 0 WHERE partner_id = ?")
			.param(world.partnerId())
			.update()).hasMessageContaining("append-only");
	}

	@Test
	void theSamePayoutRunTwiceAndTwoAtOncePayEachEarningOnce() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var program = rebate(admin);
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 4; i++) {
			var world = this.fixtures.world("Paid Partners " + i);
			earnDirectly(world.partnerId(), program, "test:" + i, "100.00");
			earnDirectly(world.partnerId(), program, "test:b" + i, "50.00");
			partners.add(world.partnerId());
		}
		var pool = Executors.newFixedThreadPool(2);
		var start = new CountDownLatch(1);
		try {
			var runs = new ArrayList<java.util.concurrent.Future<PayoutRuns.Result>>();
			for (int i = 0; i < 2; i++) {
				Callable<PayoutRuns.Result> run = () -> {
					start.await();
					try {
						return this.payouts.run(admin);
					}
					catch (PayoutRuns.InProgress ex) {
						return null;
					}
				};
				runs.add(pool.submit(run));
			}
			start.countDown();
			int ran = 0;
			for (var run : runs) {
				ran += (run.get() != null) ? 1 : 0;
			}
			assertThat(ran).as("one run pays, or both one after the other").isGreaterThanOrEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		this.payouts.run(admin);
		for (long partner : partners) {
			assertThat(paidItems(partner)).isEqualTo(2);
			assertThat(paidTotal(partner)).isEqualByComparingTo("150.00");
		}
	}

	@Test
	void anInterruptedRunLeavesTheRestForTheNextRunWhichPaysThemOnce() {
		var admin = this.fixtures.user(Role.ADMIN);
		var program = rebate(admin);
		this.payouts.run(admin);
		var first = this.fixtures.world("Interrupted One");
		var second = this.fixtures.world("Interrupted Two");
		earnDirectly(first.partnerId(), program, "cut:1", "10.00");
		earnDirectly(second.partnerId(), program, "cut:2", "20.00");

		var cut = this.payouts.run(admin, 1);
		assertThat(cut.itemsPaid()).isEqualTo(1);
		// the cut pays the lowest partner id with payable earnings: another test's
		// partner
		// (an earning made by an event listener after the first run) may come first
		assertThat(paidItems(first.partnerId()) + paidItems(second.partnerId())).isLessThanOrEqualTo(1);

		this.payouts.run(admin);
		this.payouts.run(admin);
		assertThat(paidItems(first.partnerId())).isEqualTo(1);
		assertThat(paidItems(second.partnerId())).isEqualTo(1);
	}

	@Test
	void aRunLeftRunningByAKilledInstanceIsMarkedAbandonedAndTheNextRunPaysTheRestOnce() {
		var admin = this.fixtures.user(Role.ADMIN);
		var program = rebate(admin);
		this.payouts.run(admin);
		var paidBefore = this.fixtures.world("Orphaned Run One");
		var left = this.fixtures.world("Orphaned Run Two");
		earnDirectly(paidBefore.partnerId(), program, "orphan:1", "10.00");
		earnDirectly(left.partnerId(), program, "orphan:2", "20.00");
		// An instance started a run, paid the first partner and was killed: its row says
		// RUNNING
		// and its lease is not renewed any more.
		long orphan = this.jdbc.sql("""
				INSERT INTO payout_run (started_at, started_by, status, lease_until)
				VALUES (:started, :by, 'RUNNING', :until) RETURNING id
				""")
			.param("started", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(20))))
			.param("by", admin.userId())
			.param("until", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(10))))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
				SELECT :run, id, partner_id, amount, currency, :now FROM incentive_earning WHERE partner_id = :partner
				""")
			.param("run", orphan)
			.param("now", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(19))))
			.param("partner", paidBefore.partnerId())
			.update();

		var next = this.payouts.run(admin);
		this.payouts.run(admin);

		assertThat(next.itemsPaid()).isEqualTo(1);
		assertThat(paidItems(paidBefore.partnerId())).isEqualTo(1);
		assertThat(paidItems(left.partnerId())).isEqualTo(1);
		assertThat(paidTotal(left.partnerId())).isEqualByComparingTo("20.00");
		assertThat(
				this.jdbc.sql("SELECT status FROM payout_run WHERE id = ?").param(orphan).query(String.class).single())
			.isEqualTo("ABANDONED");
		// the moment in UTC, whatever the JVM's zone (s57, try71: it read
		// "…02:38:00.806361-03",
		// the database session's zone)
		var until = this.clock.instant()
			.minus(Duration.ofMinutes(10))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(
				this.jdbc.sql("SELECT outcome FROM payout_run WHERE id = ?").param(orphan).query(String.class).single())
			.startsWith("lease ran out at " + until + ": ");
		assertThat(this.jdbc.sql("SELECT count(*) FROM payout_run WHERE status = 'RUNNING'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aRunWhoseLeaseIsStillLiveKeepsTheNextRunWaitingWithAConflict() {
		var admin = this.fixtures.user(Role.ADMIN);
		long live = this.jdbc.sql("""
				INSERT INTO payout_run (started_at, started_by, status, lease_until)
				VALUES (:now, :by, 'RUNNING', :until) RETURNING id
				""")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", admin.userId())
			.param("until", java.sql.Timestamp.from(this.clock.instant().plus(Duration.ofMinutes(5))))
			.query(Long.class)
			.single();
		try {
			assertThatThrownBy(() -> this.payouts.run(admin)).isInstanceOf(PayoutRuns.InProgress.class)
				.hasMessageContaining("Payout run " + live + " is paying right now")
				.hasMessageContaining("once its lease ends at");
			assertThatThrownBy(() -> this.payouts.run(admin)).isInstanceOf(PayoutRuns.InProgress.class)
				// the page words the lease's end as the reader reads moments (s59: a UTC
				// instant)
				.satisfies(ex -> assertThat(((PayoutRuns.InProgress) ex).words(at -> "at the reader's time"))
					.endsWith("lease ends at at the reader's time")
					.doesNotContain("Z"));

			this.clock.advance(Duration.ofMinutes(6));
			// its instance stopped: the list says so until the next run takes over
			// (try54:
			// it showed "Running")
			assertThat(this.ledger.runs(admin, 50)).filteredOn(r -> r.id() == live)
				.singleElement()
				.satisfies(r -> assertThat(r.status()).isEqualTo("STALLED"));
			// the refused runs took no run number: the next is the one after (try54:
			// 12-16
			// were used up)
			assertThat(this.payouts.run(admin).runId()).isEqualTo(live + 1);
		}
		finally {
			this.jdbc.sql("UPDATE payout_run SET status = 'FAILED' WHERE id = ? AND status = 'RUNNING'")
				.param(live)
				.update();
		}
	}

	@Test
	void closingAQuarterPaysTheRebateTierReachedOnceAndFillsTheMdfFund() {
		var admin = this.fixtures.user(Role.ADMIN);
		var rebate = this.incentives.createProgram(admin, new ProgramCommand("Rebate " + System.nanoTime(),
				ProgramKind.QUARTERLY_REBATE, "GBP", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31),
				Map.of("tiers",
						List.of(Map.of("threshold", "0", "value", "2"), Map.of("threshold", "100000", "value", "4")))));
		var fund = this.incentives.createProgram(admin,
				new ProgramCommand("MDF " + System.nanoTime(), ProgramKind.MDF, "GBP", LocalDate.of(2021, 1, 1),
						LocalDate.of(2021, 12, 31),
						Map.of("tiers", List.of(Map.of("threshold", "50000", "value", "2500.00")))));
		// a year no other test's MDF program covers: the fund is kept in the currency of
		// the
		// partner's first accrual, so another open program accruing in the same close
		// would decide it
		var world = this.fixtures.world("Quarter Partners");
		this.jdbc.sql("""
				UPDATE opportunity SET stage = 'CLOSED_WON', currency = 'GBP', amount = 100000.00,
				       closed_at = '2021-08-15T10:00:00Z' WHERE id = ?
				""").param(world.dealId()).update();

		this.incentives.closeQuarter(LocalDate.of(2021, 8, 1));
		this.incentives.closeQuarter(LocalDate.of(2021, 9, 30));
		assertThat(sum(world.partnerId(), rebate.id())).isEqualByComparingTo("4000.00");
		assertThat(sum(world.partnerId(), fund.id())).isEqualByComparingTo("2500.00");
		var statement = this.incentives.statement(world.partnerUser(), world.partnerId());
		assertThat(statement.fund().currency()).isEqualTo("GBP");
		assertThat(statement.fund().balance()).isEqualByComparingTo("2500.00");
		assertThat(statement.ledger()).filteredOn(e -> e.kind().equals("REBATE"))
			.singleElement()
			.satisfies(e -> assertThat(e.basis())
				.isEqualTo("quarterly rebate 2021-Q3: 4.0 % of GBP 100,000.00 (tier from GBP 100,000.00)"));
	}

	@Test
	void anMdfClaimAboveTheApprovedAmountIsRejectedAndChangesNothing() {
		var admin = this.fixtures.user(Role.ADMIN);
		var fund = this.incentives.createProgram(admin,
				new ProgramCommand("MDF claims " + System.nanoTime(), ProgramKind.MDF, "EUR", LocalDate.of(2026, 1, 1),
						null, Map.of("tiers", List.of(Map.of("threshold", "1", "value", "3000.00")))));
		var world = this.fixtures.world("Claiming Partners");
		earnDirectly(world.partnerId(), fund, "mdf:test", "3000.00", "MDF_FUND", "EUR");
		var request = this.mdf.request(world.partnerUser(), world.partnerId(),
				new MdfCommand("Joint webinar for retail CIOs", new BigDecimal("5000.00"), "EUR",
						new BigDecimal("80000"), new BigDecimal("2000")));
		assertThatThrownBy(() -> this.mdf.decide(world.pam(), request.id(), true, new BigDecimal("3500.00"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("free in the partner's fund: EUR 3,000.00");
		this.mdf.decide(world.pam(), request.id(), true, new BigDecimal("2000.00"), null);

		long claims = this.fixtures.count("mdf_claim");
		assertThatThrownBy(
				() -> this.mdf.claim(world.partnerUser(), request.id(), new BigDecimal("2000.01"), "invoice 17"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("amount: the claim of EUR 2,000.01 exceeds what is left of the approved amount (EUR 2,000.00)");
		assertThat(this.fixtures.count("mdf_claim")).isEqualTo(claims);

		var claimed = this.mdf.claim(world.partnerUser(), request.id(), new BigDecimal("1500.00"), "invoice 17");
		assertThat(claimed.claimed()).isEqualByComparingTo("1500.00");
		assertThat(this.incentives.statement(world.pam(), world.partnerId()).fund().balance())
			.isEqualByComparingTo("1500.00");
		assertThat(this.incentives.statement(world.pam(), world.partnerId()).unpaid().get("EUR"))
			.isEqualByComparingTo("1500.00");
	}

	@Test
	void aPartnerSeesOnlyItsOwnEarningsAndFunds() {
		var a = this.fixtures.world("Statement Alpha");
		var b = this.fixtures.world("Statement Beta");
		assertThatThrownBy(() -> this.incentives.statement(a.partnerUser(), b.partnerId()))
			.isInstanceOf(com.trellis.shared.NotFoundException.class);
		assertThatThrownBy(() -> this.mdf.ofPartner(a.partnerUser(), b.partnerId()))
			.isInstanceOf(com.trellis.shared.NotFoundException.class);
	}

	private Program rebate(Viewer admin) {
		return this.incentives.createProgram(admin,
				new ProgramCommand("Payout rebate " + System.nanoTime(), ProgramKind.QUARTERLY_REBATE, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("tiers", List.of(Map.of("threshold", "0", "value", "1")))));
	}

	private void earnDirectly(long partnerId, Program program, String key, String amount) {
		earnDirectly(partnerId, program, key, amount, "REBATE", "USD");
	}

	private void earnDirectly(long partnerId, Program program, String key, String amount, String kind,
			String currency) {
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, ?, ?, ?, ?, 'test', ?)
					""")
			.params(partnerId, program.id(), kind, key, new BigDecimal(amount), currency,
					java.sql.Timestamp.from(Instant.now()))
			.update();
	}

	private BigDecimal sum(long partnerId, long programId) {
		return this.jdbc
			.sql("SELECT COALESCE(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

	private long paidItems(long partnerId) {
		return this.jdbc.sql("SELECT count(*) FROM payout_item WHERE partner_id = ?")
			.param(partnerId)
			.query(Long.class)
			.single();
	}

	private BigDecimal paidTotal(long partnerId) {
		return this.jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payout_item WHERE partner_id = ?")
			.param(partnerId)
			.query(BigDecimal.class)
			.single();
	}

}
