package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.StoredFigures;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The referral bonus follows the partner's credit share: rate × amount × share, and an
 * upheld credit dispute re-earns the deal by the decided share.
 */
@TrellisTest
class CreditShareEarningTests {

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

	@Test
	void anUpheldDisputeToHalfTheShareHalvesTheReferralBonus() throws Exception {
		var referral = referral("JPY");
		var world = this.fixtures.world("Half Share Partners");
		setCredit(world.dealId(), "1000000", "JPY", "SOURCED", "100");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);
		assertThat(sum(world.partnerId(), referral.id())).isEqualByComparingTo("80000");

		uphold(world, "{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 50, \"reason\": \"A joint pursuit\"}");

		assertThat(this.jdbc.sql("SELECT partner_share FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("50.00");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> sum(world.partnerId(), referral.id()).compareTo(new BigDecimal("40000")) == 0);
		assertThat(entries(world.partnerId(), referral.id())).containsExactly("REFERRAL 80000 JPY",
				"REFERRAL -40000 JPY");
		assertThat(bases(world.partnerId(), referral.id()).get(1)).contains("partner share 50.0 %")
			.contains("8.0 % of JPY 1,000,000");
	}

	@Test
	void aDealWonAtAShareOfNothingEarnsOnceADisputeGivesItHalf() throws Exception {
		var referral = referral("USD");
		var world = this.fixtures.world("No Share Win Partners");
		setCredit(world.dealId(), "5000", "USD", "SOURCED", "0");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM incentive_deal_win WHERE opportunity_id = ?")
				.param(world.dealId())
				.query(Long.class)
				.single() == 1);
		assertThat(entries(world.partnerId(), referral.id())).isEmpty();

		uphold(world, "{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 50, \"reason\": \"We sourced it\"}");

		// 5,000 × 8 % × 50 %
		await().atMost(Duration.ofSeconds(10))
			.until(() -> entries(world.partnerId(), referral.id()).equals(List.of("REFERRAL 200.00 USD")));
	}

	@Test
	void aDinarInfluencedDealAtAThirdShareEarnsAThirdOfTheRate() {
		this.jdbc.sql("""
				INSERT INTO exchange_rate (currency, to_reporting, updated_at) VALUES ('BHD', 2.65, now())
				ON CONFLICT (currency) DO NOTHING
				""").update();
		var referral = referral("BHD");
		var world = this.fixtures.world("Third Share Partners");
		setCredit(world.dealId(), "12345.678", "BHD", "INFLUENCED", "33.33");
		this.deals.moveStage(world.ae(), world.dealId(), Stage.QUALIFIED, Stage.CLOSED_WON, "signed", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> sum(world.partnerId(), referral.id()).signum() != 0);

		// 12,345.678 × 4 % × 33.33 % = 164.5925791..., rounded once to BHD's three
		// decimals
		assertThat(entries(world.partnerId(), referral.id())).containsExactly("REFERRAL 164.593 BHD");
		assertThat(bases(world.partnerId(), referral.id()))
			.containsExactly("referral bonus: 4.0 % of BHD 12,345.678 (influenced, partner share 33.33 %)");
	}

	/** The partner user raises the dispute, the PAM upholds it. */
	private void uphold(Fixtures.World world, String dispute) throws Exception {
		var raised = new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.post("/api/v1/opportunities/" + world.dealId() + "/credit-disputes", dispute)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(raised.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/credit-disputes/" + id + "/decision", "{\"uphold\": true, \"reason\": \"Agreed\"}")
			.andExpect(status().isOk());
	}

	private Program referral(String currency) {
		return this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, currency,
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", "8", "influencedPercent", "4", "coSellPercent", "2")));
	}

	private void setCredit(long dealId, String amount, String currency, String creditType, String share) {
		this.jdbc.sql("""
				UPDATE opportunity SET amount = ?, currency = ?, credit_type = ?, partner_share = ?,
				       source = CASE WHEN ? = 'SOURCED' THEN 'PARTNER' ELSE 'DIRECT' END
				WHERE id = ?
				""")
			.params(new BigDecimal(amount), currency, creditType, new BigDecimal(share), creditType, dealId)
			.update();
	}

	private List<String> entries(long partnerId, long programId) {
		return this.jdbc.sql(
				"SELECT kind, amount, currency FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
			.params(partnerId, programId)
			.query((rs, n) -> rs.getString(1) + " "
					+ MinorUnits.round(rs.getBigDecimal(2), rs.getString(3)).toPlainString() + " " + rs.getString(3))
			.list();
	}

	private List<String> bases(long partnerId, long programId) {
		return this.jdbc.sql("SELECT basis FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
			.params(partnerId, programId)
			.query(String.class)
			.list()
			.stream()
			.map(basis -> StoredFigures.render(basis, Locale.US))
			.toList();
	}

	private BigDecimal sum(long partnerId, long programId) {
		return this.jdbc
			.sql("SELECT coalesce(sum(amount), 0) FROM incentive_earning WHERE partner_id = ? AND program_id = ?")
			.params(partnerId, programId)
			.query(BigDecimal.class)
			.single();
	}

}
