package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.deals.DealReopened;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Quarter close: only once the quarter is over, rankings and thresholds after conversion,
 * and quarter-derived earnings recomputed when a deal of a closed quarter changes. Each
 * test uses its own past quarter, which no demo deal falls in.
 */
@TrellisTest
class QuarterCloseTests {

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
	MockMvc mvc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aDayOutsideTheProgramsDateWindowClosesNoQuarterAndIsRefusedNamingTheDay() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long closes = this.fixtures.count("incentive_quarter_close");
		for (var day : List.of("1900-01-01", "0001-01-01")) {
			api.post("/api/v1/incentives/quarters/" + day + "/close", "")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("day"));
		}
		assertThat(this.fixtures.count("incentive_quarter_close")).isEqualTo(closes);
	}

	@Test
	void closingQ4OnThe30thOfNovemberIsRefusedWithTheDayItCanBeClosed() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T12:00:00Z"));
		var admin = this.fixtures.user(Role.ADMIN);
		new Api(this.mvc, this.fixtures.token(admin)).post("/api/v1/incentives/quarters/2026-11-30/close", "")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message")
				.value("2026-Q4 ends on 2026-12-31; it can be closed from 2027-01-01"));
		assertThat(badges("2026-Q4")).isZero();

		this.clock.set(Instant.parse("2026-12-31T23:59:00Z"));
		assertThatThrownBy(() -> this.incentives.closeQuarter(LocalDate.of(2026, 10, 1)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("it can be closed from 2027-01-01");
		assertThat(this.jdbc.sql("SELECT count(*) FROM incentive_quarter_close WHERE period = '2026-Q4'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aQuarterHasOneTopPartnerBadge() {
		var first = this.fixtures.world("Top Badge One");
		var second = this.fixtures.world("Top Badge Two");
		award(first.partnerId(), "2019-Q1");
		assertThatThrownBy(() -> award(second.partnerId(), "2019-Q1"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(badges("2019-Q1")).isEqualTo(1);
	}

	@Test
	void theTopPartnerBadgeAndTheRebateTierCountWinsInEveryCurrencyConverted() {
		var admin = this.fixtures.user(Role.ADMIN);
		var rebate = rebate(admin, "USD", LocalDate.of(2023, 7, 1));
		var dollars = this.fixtures.world("Dollar Partners");
		var mixed = this.fixtures.world("Sterling and Euro Partners");
		win(dollars.dealId(), "431680.00", "USD", "2023-08-01T10:00:00Z");
		win(mixed.dealId(), "340000.00", "GBP", "2023-08-02T10:00:00Z");
		long euros = this.fixtures.partnerDeal(mixed.accountId(), mixed.ae().userId(), mixed.partnerId(), "1");
		win(euros, "409308.70", "EUR", "2023-08-03T10:00:00Z");

		this.incentives.closeQuarter(LocalDate.of(2023, 8, 1));

		// GBP 340,000 × 1.27 + EUR 409,308.70 × 1.08 = USD 431,800.00 + 442,053.40
		assertThat(topPartner("2023-Q3")).isEqualTo(mixed.partnerId());
		assertThat(reason("2023-Q3")).contains("USD 873,853.40");
		// and the rebate tier from USD 500,000 is reached: 4 % of USD 873,853.40
		assertThat(sum(mixed.partnerId(), rebate.id())).isEqualByComparingTo("34954.14");
		assertThat(sum(dollars.partnerId(), rebate.id())).isEqualByComparingTo("8633.60");
	}

	@Test
	void aWonDealOfAClosedQuarterSetToLostTakesBackItsRebateMdfAndBadge() {
		var admin = this.fixtures.user(Role.ADMIN);
		var rebate = rebate(admin, "USD", LocalDate.of(2023, 4, 1));
		var fund = this.incentives.createProgram(admin,
				new ProgramCommand("MDF clawback " + System.nanoTime(), ProgramKind.MDF, "USD",
						LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30),
						Map.of("tiers", List.of(Map.of("threshold", "500000", "value", "5000.00")))));
		var world = this.fixtures.world("Clawback Partners");
		var runnerUp = this.fixtures.world("Runner-up Partners");
		win(world.dealId(), "600000.00", "USD", "2023-05-10T10:00:00Z");
		long small = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1");
		win(small, "1000.00", "USD", "2023-05-11T10:00:00Z");
		win(runnerUp.dealId(), "50000.00", "USD", "2023-05-12T10:00:00Z");
		this.incentives.closeQuarter(LocalDate.of(2023, 5, 1));
		assertThat(sum(world.partnerId(), rebate.id())).isEqualByComparingTo("24040.00");
		assertThat(sum(world.partnerId(), fund.id())).isEqualByComparingTo("5000.00");
		assertThat(topPartner("2023-Q2")).isEqualTo(world.partnerId());

		this.deals.moveStage(world.ae(), world.dealId(), Stage.CLOSED_WON, Stage.CLOSED_LOST, "customer withdrew",
				false);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> sum(world.partnerId(), rebate.id()).compareTo(new BigDecimal("20.00")) == 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), fund.id()).signum() == 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> topPartner("2023-Q2") == runnerUp.partnerId());
		var ledger = entries(world.partnerId(), rebate.id());
		assertThat(ledger).containsExactly("REBATE 24040.00", "REBATE -24020.00");

		// delivered again: nothing more
		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));
		this.incentives.closeQuarter(LocalDate.of(2023, 6, 30));
		assertThat(entries(world.partnerId(), rebate.id())).isEqualTo(ledger);
		assertThat(badges("2023-Q2")).isEqualTo(1);
	}

	@Test
	void aCorrectedAmountOfAClosedQuartersDealRecomputesItsRebate() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var rebate = rebate(admin, "USD", LocalDate.of(2023, 1, 1));
		var world = this.fixtures.world("Corrected Quarter Partners");
		win(world.dealId(), "600000.00", "USD", "2023-02-10T10:00:00Z");
		this.incentives.closeQuarter(LocalDate.of(2023, 2, 1));
		assertThat(sum(world.partnerId(), rebate.id())).isEqualByComparingTo("24000.00");

		new Api(this.mvc, this.fixtures.token(admin))
			.post("/api/v1/opportunities/" + world.dealId() + "/correction",
					"{\"amount\": 400000.00, \"currency\": \"USD\", \"reason\": \"signed order form says 400k\"}")
			.andExpect(status().isOk());

		// 2 % of USD 400,000
		await().atMost(Duration.ofSeconds(10))
			.until(() -> sum(world.partnerId(), rebate.id()).compareTo(new BigDecimal("8000.00")) == 0);
		assertThat(entries(world.partnerId(), rebate.id())).containsExactly("REBATE 24000.00", "REBATE -16000.00");
	}

	private Program rebate(Viewer admin, String currency, LocalDate quarterStart) {
		return this.incentives.createProgram(admin, new ProgramCommand("Rebate " + System.nanoTime(),
				ProgramKind.QUARTERLY_REBATE, currency, quarterStart, quarterStart.plusMonths(3).minusDays(1),
				Map.of("tiers",
						List.of(Map.of("threshold", "0", "value", "2"), Map.of("threshold", "500000", "value", "4")))));
	}

	private void win(long dealId, String amount, String currency, String closedAt) {
		this.jdbc.sql("""
				UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = ?, closed_at = ? WHERE id = ?
				""").params(new BigDecimal(amount), currency, Timestamp.from(Instant.parse(closedAt)), dealId).update();
	}

	private void award(long partnerId, String period) {
		this.jdbc.sql("""
				INSERT INTO partner_badge (partner_id, badge, period, reason, awarded_at)
				VALUES (?, 'TOP_PARTNER_OF_QUARTER', ?, 'test', now())
				""").params(partnerId, period).update();
	}

	private long badges(String period) {
		return this.jdbc.sql("SELECT count(*) FROM partner_badge WHERE badge = 'TOP_PARTNER_OF_QUARTER' AND period = ?")
			.param(period)
			.query(Long.class)
			.single();
	}

	private long topPartner(String period) {
		return this.jdbc
			.sql("SELECT partner_id FROM partner_badge WHERE badge = 'TOP_PARTNER_OF_QUARTER' AND period = ?")
			.param(period)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	private String reason(String period) {
		return this.jdbc.sql("SELECT reason FROM partner_badge WHERE badge = 'TOP_PARTNER_OF_QUARTER' AND period = ?")
			.param(period)
			.query(String.class)
			.single();
	}

	private List<String> entries(long partnerId, long programId) {
		return this.jdbc
			.sql("""
					SELECT kind || ' ' || round(amount, 2) FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id
					""")
			.params(partnerId, programId)
			.query(String.class)
			.list();
	}

	private BigDecimal sum(long partnerId, long programId) {
		return this.jdbc
			.sql("SELECT COALESCE(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

}
