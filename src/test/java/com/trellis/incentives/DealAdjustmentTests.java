package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.trellis.deals.DealClosed;
import com.trellis.deals.DealReopened;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
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

/**
 * A correction, or a reopen and a new win, adjusts what a deal earned at its win: each
 * earning is recomputed and the difference booked; a program that did not earn for the
 * deal then does not start earning.
 */
@TrellisTest
class DealAdjustmentTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void loweringAClosedQuartersDealWonBeforeTheReferralProgramCutsTheRebateAndEarnsNoReferral() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Lowered Deal Partners");
		win(world.dealId(), "71850.00", "2022-10-27T15:00:00Z");
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		var referral = referral(LocalDate.of(2022, 1, 1));
		var rebate = this.incentives.createProgram(admin, new ProgramCommand("Rebate " + System.nanoTime(),
				ProgramKind.QUARTERLY_REBATE, "USD", LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31),
				Map.of("tiers",
						List.of(Map.of("threshold", "0", "value", "2"), Map.of("threshold", "500000", "value", "4")))));
		this.incentives.closeQuarter(LocalDate.of(2022, 11, 1));
		assertThat(entries(world.partnerId(), rebate.id())).containsExactly("REBATE 1437.00");

		correct(world.dealId(), "61850.00");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> entries(world.partnerId(), rebate.id()).equals(List.of("REBATE 1437.00", "REBATE -200.00")));
		assertThat(entries(world.partnerId(), referral.id())).isEmpty();
	}

	@Test
	void reopeningAndWinningAgainADealWonBeforeTheReferralProgramEarnsNoReferral() {
		var world = this.fixtures.world("Rewon Old Deal Partners");
		win(world.dealId(), "71850.00", this.clock.instant().minus(3, ChronoUnit.DAYS).toString());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		var referral = referral(LocalDate.of(2022, 1, 1));

		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.jdbc.sql("UPDATE opportunity SET stage = 'COMMIT', closed_at = NULL WHERE id = ?")
			.param(world.dealId())
			.update();
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));
		win(world.dealId(), "71850.00", this.clock.instant().toString());
		this.transactions
			.executeWithoutResult(tx -> listener.on(new DealClosed(world.dealId(), world.partnerId(), true)));

		assertThat(entries(world.partnerId(), referral.id())).isEmpty();
	}

	@Test
	void loweringADealThatEarnedAReferralBooksOnlyTheDifference() throws Exception {
		var referral = referral(LocalDate.of(2022, 1, 1));
		var world = this.fixtures.world("Lowered Referral Partners");
		win(world.dealId(), "71850.00", this.clock.instant().toString());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		assertThat(entries(world.partnerId(), referral.id())).containsExactly("REFERRAL 7185.00");

		correct(world.dealId(), "61850.00");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> entries(world.partnerId(), referral.id())
				.equals(List.of("REFERRAL 7185.00", "REFERRAL -1000.00")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notices(world.partnerId()).stream().anyMatch(n -> n.contains("USD -1,000.00")));
	}

	@Test
	void aDealWonAtNoAmountEarnsItsReferralOnceCorrectedUp() throws Exception {
		var referral = referral(LocalDate.of(2022, 1, 1));
		var world = this.fixtures.world("Zero Amount Win Partners");
		win(world.dealId(), "0.00", this.clock.instant().toString());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		assertThat(entries(world.partnerId(), referral.id())).isEmpty();
		var later = referral(LocalDate.of(2022, 1, 1));

		correct(world.dealId(), "5000.00");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> entries(world.partnerId(), referral.id()).equals(List.of("REFERRAL 500.00")));
		assertThat(entries(world.partnerId(), later.id())).isEmpty();
	}

	@Test
	void aCorrectionThatLeavesTheSpiffAsItWasNeitherBooksNorAnnouncesIt() throws Exception {
		var spiff = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Fast start " + System.nanoTime(), ProgramKind.FAST_START_SPIFF, "USD",
						LocalDate.of(2022, 1, 1), null, Map.of("bonus", "500", "firstDeals", "2", "withinDays", "90")));
		var world = this.fixtures.world("Unchanged Spiff Partners");
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?")
			.params(LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC).minusDays(10),
					world.partnerId())
			.update();
		win(world.dealId(), "71850.00", this.clock.instant().toString());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notices(world.partnerId()).contains("You earned USD 500.00"));

		correct(world.dealId(), "61850.00");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM incentive_correction WHERE opportunity_id = ?")
				.param(world.dealId())
				.query(Long.class)
				.single() == 1);

		assertThat(entries(world.partnerId(), spiff.id())).containsExactly("SPIFF 500.00");
		assertThat(this.jdbc.sql("SELECT subject FROM notification WHERE partner_id = ? AND body LIKE ?")
			.params(world.partnerId(), spiff.name() + ":%")
			.query(String.class)
			.list()
			.stream()
			.map(s -> com.trellis.shared.StoredFigures.render(s, java.util.Locale.US))
			.toList()).containsExactly("You earned USD 500.00");
	}

	@Test
	void aReversedReferralIsAnnouncedToThePartner() {
		var referral = referral(LocalDate.of(2022, 1, 1));
		var world = this.fixtures.world("Reversed Referral Partners");
		win(world.dealId(), "71850.00", this.clock.instant().toString());
		this.incentives.earnForWin(world.partnerId(), world.dealId());

		Incentives listener = AopTestUtils.getUltimateTargetObject(this.incentives);
		this.jdbc.sql("UPDATE opportunity SET stage = 'COMMIT', closed_at = NULL WHERE id = ?")
			.param(world.dealId())
			.update();
		this.transactions.executeWithoutResult(tx -> listener.on(new DealReopened(world.dealId(), world.partnerId())));

		assertThat(entries(world.partnerId(), referral.id())).containsExactly("REFERRAL 7185.00", "REVERSAL -7185.00");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notices(world.partnerId())
				.contains("Your " + referral.name() + " earning was reversed: USD -7,185.00"));
	}

	private Program referral(LocalDate startsOn) {
		return this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD", startsOn, null,
						Map.of("sourcedPercent", "10", "influencedPercent", "5", "coSellPercent", "3")));
	}

	private void correct(long dealId, String amount) throws Exception {
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.post("/api/v1/opportunities/" + dealId + "/correction",
					"{\"amount\": " + amount + ", \"currency\": \"USD\", \"reason\": \"signed order form\"}")
			.andExpect(status().isOk());
	}

	private void win(long dealId, String amount, String closedAt) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = 'USD', closed_at = ?, partner_share = 100
					WHERE id = ?
					""")
			.params(new BigDecimal(amount), Timestamp.from(Instant.parse(closedAt)), dealId)
			.update();
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

	private List<String> notices(long partnerId) {
		return this.jdbc.sql("SELECT subject FROM notification WHERE partner_id = ? AND kind = 'EARNING'")
			.param(partnerId)
			.query(String.class)
			.list()
			.stream()
			.map(s -> com.trellis.shared.StoredFigures.render(s, java.util.Locale.US))
			.toList();
	}

}
