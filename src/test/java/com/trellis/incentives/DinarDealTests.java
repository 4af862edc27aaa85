package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A currency of three decimals end to end: a BHD 12,345.675 registration becomes an
 * opportunity, is won, earns a 10 % referral of BHD 1,234.568 (1,234.5675 rounded half up
 * to the fils) and is paid so, every amount stored and shown with its three decimals.
 */
@TrellisTest
class DinarDealTests {

	@Autowired
	Incentives incentives;

	@Autowired
	PayoutRuns payouts;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aDinarDealIsRegisteredWonEarnedAndPaidWithItsThreeDecimals() throws Exception {
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('BHD', 2.65, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
		var admin = this.fixtures.user(Role.ADMIN);
		var referral = this.incentives.createProgram(admin,
				new ProgramCommand("Dinar referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
		var world = this.fixtures.world("Dinar Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));

		var registered = partner.post("/api/v1/registrations", """
				{"customerName": "Manama Pearl Trading", "customerDomain": "manama-pearl.bh",
				 "customerNeed": "A signed budget for the 2027 rollout of the trading desks", "amount": 12345.675,
				 "currency": "BHD", "expectedCloseDate": "2027-03-31", "creditType": "SOURCED"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(registered).contains("\"amount\":12345.675,");
		long registration = Long.parseLong(registered.replaceAll("^\\{\"id\":(\\d+).*", "$1"));

		var approved = new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/registrations/" + registration + "/approve",
					"{\"ownerId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long deal = Long.parseLong(approved.replaceAll("^.*\"opportunityId\":(\\d+).*$", "$1"));
		new Api(this.mvc, this.fixtures.token(world.ae())).get("/api/v1/opportunities/" + deal)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("BHD"))
			.andExpect(jsonPath("$.amount").value(12345.675));

		this.deals.moveStage(world.ae(), deal, Stage.REGISTERED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> earned(world.partnerId(), referral.id()).signum() != 0);
		// 10 % of the partner's 20 % share of BHD 12,345.675 = 246.9135, to three
		// decimals
		assertThat(earned(world.partnerId(), referral.id())).isEqualByComparingTo("246.914");

		this.payouts.run(admin);
		assertThat(this.jdbc.sql("""
				SELECT i.amount FROM payout_item i JOIN incentive_earning e ON e.id = i.earning_id
				WHERE e.partner_id = ? AND e.program_id = ?
				""").params(world.partnerId(), referral.id()).query(BigDecimal.class).single())
			.isEqualByComparingTo("246.914");
		var statement = partner.get("/api/v1/partners/" + world.partnerId() + "/incentives")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statement).contains("\"amount\":246.914,")
			.contains("referral bonus: 10.0 % of BHD 12,345.675 (sourced, partner share 20.0 %)");
		assertThat(this.incentives.statement(world.partnerUser(), world.partnerId()).ledger())
			.filteredOn(entry -> entry.programId() == referral.id())
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.amount()).isEqualTo("246.914");
				assertThat(entry.paidInRun()).isNotNull();
			});
		// the statement's ledger exports with the amount at the fils and the run that
		// paid it
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.partnerUser());
		var ledger = com.trellis.support.Readers.read(this.mvc, session,
				"/partners/" + world.partnerId() + "/incentives/ledger.csv");
		var paid = this.incentives.statement(world.partnerUser(), world.partnerId())
			.ledger()
			.stream()
			.filter(entry -> entry.programId() == referral.id())
			.findFirst()
			.orElseThrow();
		assertThat(ledger.lines().findFirst().orElseThrow()).isEqualTo(
				"\uFEFFid,earned_at,kind,program_id,opportunity_id,period,basis,amount,currency,reverses_id,paid_in_run");
		assertThat(ledger)
			.contains(paid.id() + "," + paid.earnedAt() + "," + paid.kind() + "," + referral.id() + "," + deal + ",")
			.contains(",246.914,BHD,," + paid.paidInRun());
		assertThat(
				com.trellis.support.Readers.read(this.mvc, session, "/partners/" + world.partnerId() + "/incentives"))
			.contains("href=\"/partners/" + world.partnerId() + "/incentives/ledger.csv\"");
	}

	private BigDecimal earned(long partnerId, long programId) {
		return this.jdbc
			.sql("SELECT COALESCE(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

}
