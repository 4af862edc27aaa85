package com.trellis.web;

import java.math.BigDecimal;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Numbers typed into the deal form, the deal correction and the incentive program form
 * are read the way the reader writes them (issue 13 item 9): a German reader's "75.000"
 * is seventy-five thousand and "2,5" two and a half, never 75 or 25.
 */
@TrellisTest
class ReaderTypedNumbersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGermanRepsDealOf75Point000Comma50IsWorthSeventyFiveThousandAndFifty() throws Exception {
		var world = this.fixtures.world("Typed German Amounts");
		var ae = reading(world.ae(), "de-DE");
		var typed = this.mvc
			.perform(post("/opportunities/new").param("accountId", String.valueOf(world.accountId()))
				.param("name", "Typed grouped")
				.param("amount", "75.000,50")
				.param("currency", "EUR")
				.param("stage", "QUALIFIED")
				.param("closeDate", "2027-02-26")
				.param("ownerId", String.valueOf(world.ae().userId()))
				.session(ae)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(typed.getStatus()).as(typed.getContentAsString()).isEqualTo(302);
		assertThat(amount("Typed grouped")).isEqualByComparingTo("75000.50");

		this.mvc
			.perform(post("/opportunities/new").param("accountId", String.valueOf(world.accountId()))
				.param("name", "Typed thousands")
				.param("amount", "75.000")
				.param("currency", "EUR")
				.param("stage", "QUALIFIED")
				.param("closeDate", "2027-02-26")
				.param("ownerId", String.valueOf(world.ae().userId()))
				.session(ae)
				.with(csrf()))
			.andReturn();
		assertThat(amount("Typed thousands")).isEqualByComparingTo("75000");
	}

	@Test
	void aRebateTierTypedAs2Comma5IsTwoAndAHalfPercentForAGermanAdminAndRefusedForAnAmericanOne() throws Exception {
		var german = reading(this.fixtures.user(Role.ADMIN), "de-DE");
		var saved = this.mvc
			.perform(post("/incentives/programs/new").param("name", "Typed German rebate")
				.param("kind", "QUARTERLY_REBATE")
				.param("currency", "EUR")
				.param("startsOn", "2027-01-01")
				.param("tiers", "1.000.000: 2,5")
				.session(german)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
		assertThat(tier("Typed German rebate", "threshold")).isEqualByComparingTo("1000000");
		assertThat(tier("Typed German rebate", "value")).isEqualByComparingTo("2.5");

		var american = reading(this.fixtures.user(Role.ADMIN), "en-US");
		var refused = this.mvc
			.perform(post("/incentives/programs/new").param("name", "Typed American rebate")
				.param("kind", "QUARTERLY_REBATE")
				.param("currency", "USD")
				.param("startsOn", "2027-01-01")
				.param("tiers", "100,000: 2,5")
				.session(american)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incentive_program WHERE name = 'Typed American rebate'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The account plan form read its goals by dropping commas, so a German reader's
	 * "250.000,00" was 250 and "1.500" one and a half.
	 */
	@Test
	void aGermanPamsPlanGoalsOf250Point000Comma00AreTwoHundredAndFiftyThousand() throws Exception {
		var world = this.fixtures.world("Typed German Plans");
		var pam = reading(world.pam(), "de-DE");
		var saved = this.mvc
			.perform(post("/account-plans").param("partnerId", String.valueOf(world.partnerId()))
				.param("accountId", String.valueOf(world.accountId()))
				.param("title", "Typed German plan")
				.param("pipelineGoal", "250.000,00")
				.param("revenueGoal", "1.500")
				.param("currency", "EUR")
				.param("startsOn", "2027-01-04")
				.param("endsOn", "2027-06-30")
				.param("vendorOwnerId", String.valueOf(world.pam().userId()))
				.param("partnerContactId", String.valueOf(world.partnerUser().userId()))
				.session(pam)
				.with(csrf()))
			.andReturn();
		assertThat(saved.getFlashMap().get("error")).isNull();
		assertThat(this.jdbc
			.sql("SELECT round(pipeline_goal, 2) || ' ' || round(revenue_goal, 2) FROM account_plan WHERE title = ?")
			.param("Typed German plan")
			.query(String.class)
			.list()).containsExactly("250000.00 1500.00");
	}

	/**
	 * A German reader's unreadable amount on a form bound to a number (a registration) is
	 * shown the example in the German notation, not "such as 1234.56".
	 */
	@Test
	void aGermanPartnersUnreadableAmountIsToldTheExampleInGermanNotation() throws Exception {
		var world = this.fixtures.world("Typed German Unreadable");
		var session = reading(world.partnerUser(), "de-DE");
		for (var typed : new String[][] { { "zwölf", "cannot be read as a number such as 75.000,50" }, { "1.5e3",
				"must be written out as a plain number such as 75.000,50, without an exponent such as 1e10" } }) {
			var refused = this.mvc
				.perform(post("/registrations").session(session)
					.with(csrf())
					.param("customerName", "Typed Unreadable GmbH")
					.param("customerDomain", "typed-unreadable.de")
					.param("customerNeed", "Replace the order system")
					.param("amount", typed[0])
					.param("currency", "EUR")
					.param("expectedCloseDate", "2027-04-30")
					.param("creditType", "SOURCED"))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).isIn(200, 400, 422);
			assertThat(refused.getContentAsString()).as(typed[0]).contains(typed[1]);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM deal_registration WHERE customer_name = 'Typed Unreadable GmbH'")
			.query(Long.class)
			.single()).isZero();
	}

	private BigDecimal amount(String dealName) {
		return this.jdbc.sql("SELECT amount FROM opportunity WHERE name = ?")
			.param(dealName)
			.query(BigDecimal.class)
			.single();
	}

	private BigDecimal tier(String programName, String key) {
		return this.jdbc
			.sql("SELECT (params -> 'tiers' -> 0 ->> '" + key + "')::numeric FROM incentive_program"
					+ " WHERE name = ?")
			.param(programName)
			.query(BigDecimal.class)
			.single();
	}

	private MockHttpSession reading(Viewer viewer, String locale) throws Exception {
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(post("/profile/reading").param("locale", locale)
			.param("timeZone", "America/New_York")
			.session(session)
			.with(csrf()));
		return session;
	}

}
