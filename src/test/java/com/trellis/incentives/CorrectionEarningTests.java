package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.deals.DealClosed;
import com.trellis.deals.DealCorrected;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class CorrectionEarningTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCorrectionDeliveredAgainEarnsOnce() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var referral = this.incentives.createProgram(admin,
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var world = this.fixtures.world("Redelivered Partners");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);

		new Api(this.mvc, this.fixtures.token(admin))
			.post("/api/v1/opportunities/" + world.dealId() + "/correction",
					"{\"amount\": 200000.00, \"currency\": \"USD\", \"reason\": \"signed order form\"}")
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> sum(world.partnerId(), referral.id()).compareTo(new BigDecimal("4000.00")) == 0);
		var ledger = entries(world.partnerId(), referral.id());
		assertThat(ledger).containsExactly("REFERRAL 2500.00", "REFERRAL 1500.00");

		long correction = this.jdbc.sql("SELECT id FROM deal_correction WHERE opportunity_id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single();
		// delivered again as the registry would after a restart, each in its own
		// transaction
		// (called on the bean itself: the proxy would run the listener asynchronously)
		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		var redelivered = new DealCorrected(correction, world.dealId(), world.partnerId(), true);
		this.transactions.executeWithoutResult(tx -> listener.on(redelivered));
		this.transactions.executeWithoutResult(tx -> listener.on(redelivered));
		this.transactions
			.executeWithoutResult(tx -> listener.on(new DealClosed(world.dealId(), world.partnerId(), true)));

		assertThat(entries(world.partnerId(), referral.id())).isEqualTo(ledger);
		assertThat(sum(world.partnerId(), referral.id())).isEqualByComparingTo("4000.00");
	}

	@Test
	void anUpheldCreditDisputeOnAWonDealEarnsAnewAtTheNewCredit() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var referral = this.incentives.createProgram(admin,
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var world = this.fixtures.world("Recredited Partners");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);

		var raised = new Api(this.mvc, this.fixtures.token(world.ae()))
			.post("/api/v1/opportunities/" + world.dealId() + "/credit-disputes",
					"{\"proposedCreditType\": \"INFLUENCED\", \"proposedShare\": 5, \"reason\": \"We found the lead\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long dispute = Long.parseLong(raised.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/credit-disputes/" + dispute + "/decision",
					"{\"uphold\": true, \"reason\": \"The rep sourced it\"}")
			.andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> sum(world.partnerId(), referral.id()).compareTo(new BigDecimal("312.50")) == 0);
		assertThat(entries(world.partnerId(), referral.id())).containsExactly("REFERRAL 2500.00", "REFERRAL -2187.50");
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
			.sql("SELECT coalesce(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

}
