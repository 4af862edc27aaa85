package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The MDF fund, in its own currency: a request above what is left of it is recorded with
 * a warning the partner and the PAM see, and the statement shows the fund in the currency
 * it accrues in, a euro claim converted into it with its rate and day.
 */
@TrellisTest
class MdfFundTests {

	private static final String WARNING = "the request of USD 5,000.00 is more than what is free in the partner's MDF fund (USD 3,000.00): at most that can be approved";

	@Autowired
	Incentives incentives;

	@Autowired
	MarketDevelopmentFunds mdf;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	com.trellis.support.TestClock clock;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void aRequestAboveTheFundIsRecordedWithAWarningThePartnerAndThePamSeeWhenAskingAndDeciding() throws Exception {
		var world = this.fixtures.world("Warned Requesters");
		accrue(world, "3000.00", "USD");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var url = "/api/v1/partners/" + world.partnerId() + "/mdf-requests";
		partner.post(url, request("Regional road show", "5000.00"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fundWarning").value(WARNING));
		partner.post(url, request("Webinar", "3000.00"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fundWarning").value(nullValue()));
		new Api(this.mvc, this.fixtures.token(world.pam())).get(url)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.activity == 'Regional road show')].fundWarning").value(WARNING));

		this.mvc
			.perform(post("/partners/" + world.partnerId() + "/mdf-requests").session(login(world.partnerUser()))
				.with(csrf())
				.param("activity", "Trade fair")
				.param("cost", "5000.00")
				.param("currency", "USD")
				.param("expectedPipeline", "90000")
				.param("partnerInvestment", "1000"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Saved, but " + WARNING + "."));
		var page = this.mvc.perform(get("/partners/" + world.partnerId() + "/incentives").session(login(world.pam())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("more than what is free in the partner&#39;s MDF fund (USD 3,000.00)");
	}

	@Test
	void approvalsHoldTheirAmountUntilClaimedSoTogetherTheyNeverPromiseMoreThanTheFund() throws Exception {
		var world = this.fixtures.world("Committed Funds");
		accrue(world, "3000.00", "USD");
		var first = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Webinar series",
				new BigDecimal("2000.00"), "USD", new BigDecimal("50000"), new BigDecimal("1000")));
		var second = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Trade fair stand",
				new BigDecimal("150000"), "JPY", new BigDecimal("50000"), new BigDecimal("1000")));
		this.mdf.decide(world.pam(), first.id(), true, new BigDecimal("2000.00"), null);
		// USD 1,000.00 (JPY 149,254) free: JPY 150,000 is more (try54 approved both)
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		pam.get("/api/v1/partners/" + world.partnerId() + "/mdf-requests")
			.andExpect(jsonPath("$[?(@.activity == 'Trade fair stand')].fundWarning")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers
					.containsString("less JPY 298,507 approved on other requests and not claimed yet"))));
		pam.post("/api/v1/mdf-requests/" + second.id() + "/decision", "{\"approve\": true, \"approvedAmount\": 150000}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("approvedAmount"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers
				.containsString("less JPY 298,507 approved on other requests and not claimed yet")));
		// once the first is claimed in part, its claim draws on the fund and the rest
		// stays held: still USD 1,000.00 free
		this.mdf.claim(world.partnerUser(), first.id(), new BigDecimal("500.00"), "invoice 7");
		pam.post("/api/v1/mdf-requests/" + second.id() + "/decision", "{\"approve\": true, \"approvedAmount\": 150000}")
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT status FROM mdf_request WHERE id = ?")
			.param(second.id())
			.query(String.class)
			.single()).isEqualTo("REQUESTED");
		this.mdf.decide(world.pam(), second.id(), true, new BigDecimal("100000"), null);
		// the requests export in their own currencies, with what was approved and claimed
		var csv = this.mvc
			.perform(get("/partners/" + world.partnerId() + "/incentives/mdf-requests.csv")
				.session(login(world.partnerUser())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().toList()).hasSize(3)
			.anySatisfy(line -> assertThat(line).startsWith(first.id() + ",")
				.contains(",Webinar series,2000.00,USD,50000.00,1000.00,APPROVED,,2000.00,500.00,"))
			.anySatisfy(line -> assertThat(line).startsWith(second.id() + ",")
				.contains(",Trade fair stand,150000,JPY,")
				.contains(",APPROVED,,100000,0,"));
	}

	@Test
	void anApprovalIsClaimedUntilItsDeadlineThenLapsesAndItsUnclaimedRestFreesTheFund() throws Exception {
		var world = this.fixtures.world("Lapsing Approvals");
		accrue(world, "3000.00", "USD");
		var first = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Webinar series",
				new BigDecimal("2000.00"), "USD", new BigDecimal("50000"), new BigDecimal("1000")));
		var second = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Trade fair stand",
				new BigDecimal("2500.00"), "USD", new BigDecimal("50000"), new BigDecimal("1000")));
		var approved = this.mdf.decide(world.pam(), first.id(), true, new BigDecimal("2000.00"), null);
		assertThat(approved.claimBy()).isEqualTo(this.calendar.today().plusDays(90));
		this.mdf.claim(world.partnerUser(), first.id(), new BigDecimal("500.00"), "invoice 1");
		// USD 1,500.00 of the first is held until its deadline: USD 1,000.00 free
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var decide = "/api/v1/mdf-requests/" + second.id() + "/decision";
		pam.post(decide, "{\"approve\": true, \"approvedAmount\": 2500}").andExpect(status().isBadRequest());

		// s55: an approval never claimed held the fund for ever
		this.clock.advance(java.time.Duration.ofDays(91));
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		partner.get("/api/v1/partners/" + world.partnerId() + "/mdf-requests")
			.andExpect(jsonPath("$[?(@.activity == 'Webinar series')].status")
				.value(org.hamcrest.Matchers.contains("LAPSED")));
		partner.post("/api/v1/mdf-requests/" + first.id() + "/claims", "{\"amount\": 100, \"proof\": \"invoice 2\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString("claim deadline (" + approved.claimBy() + ") has passed")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM mdf_claim WHERE request_id = ?")
			.param(first.id())
			.query(Long.class)
			.single()).isOne();
		var page = this.mvc.perform(get("/partners/" + world.partnerId() + "/incentives").session(login(world.pam())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("the claim deadline " + approved.claimBy() + " passed");
		// what was left of it (USD 1,500.00) is free again: USD 2,500.00 in all
		pam.post(decide, "{\"approve\": true, \"approvedAmount\": 2500}").andExpect(status().isOk());
	}

	/** try12: the statement's "available" was what is left, more than may be approved. */
	@Test
	void theFundAvailableIsWhatANewRequestMayBeApprovedFor() throws Exception {
		var world = this.fixtures.world("Held Fund Partners");
		accrue(world, "31600.00", "USD");
		var held = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Roadshow",
				new BigDecimal("2000.00"), "USD", new BigDecimal("50000"), new BigDecimal("1000")));
		this.mdf.decide(world.pam(), held.id(), true, new BigDecimal("2000.00"), null);
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.get("/api/v1/partners/" + world.partnerId() + "/incentives")
			.andExpect(jsonPath("$.fund.balance").value(31600.00))
			.andExpect(jsonPath("$.fund.committed").value(2000.00))
			.andExpect(jsonPath("$.fund.free").value(29600.00));
		assertThat(this.mvc.perform(get("/partners/" + world.partnerId() + "/incentives").session(login(world.pam())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("USD 29,600.00",
					"USD 31,600.00 left, less USD 2,000.00 approved on requests and not claimed yet");
	}

	@Test
	void theStatementShowsTheDollarFundWithAEuroClaimConvertedAtItsRateAndDay() throws Exception {
		var world = this.fixtures.world("Converted Claimants");
		accrue(world, "25000.00", "USD");
		var request = this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Trade fair stand",
				new BigDecimal("1000.00"), "EUR", new BigDecimal("50000"), new BigDecimal("1000")));
		this.mdf.decide(world.pam(), request.id(), true, new BigDecimal("1000.00"), null);
		this.mdf.claim(world.partnerUser(), request.id(), new BigDecimal("1000.00"), "invoice 88");

		// EUR 1,000.00 at 1.08 draws USD 1,080.00 from the fund; it was listed as
		// EUR -1,000.00 beside USD 25,000.00
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.get("/api/v1/partners/" + world.partnerId() + "/incentives")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fund.currency").value("USD"))
			.andExpect(jsonPath("$.fund.balance").value(23920.00))
			.andExpect(jsonPath("$.fund.accrued").value(25000.00))
			.andExpect(jsonPath("$.fund.claimed").value(1080.00))
			.andExpect(jsonPath("$.fund.claims[0].amount").value(1000.00))
			.andExpect(jsonPath("$.fund.claims[0].currency").value("EUR"))
			.andExpect(jsonPath("$.fund.claims[0].fundAmount").value(1080.00))
			.andExpect(jsonPath("$.fund.claims[0].rate").value(1.08))
			.andExpect(jsonPath("$.fund.claims[0].convertedOn").value("2026-11-22"));
		var page = this.mvc.perform(get("/partners/" + world.partnerId() + "/incentives").session(login(world.pam())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("USD 23,920.00")
			.contains("1 EUR = 1.08 on 2026-11-22")
			.doesNotContain("EUR -1,000.00");
		// the rate in the reader's format, as the amounts beside it (try54: "1.08" next
		// to
		// "600,00")
		var readers = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures);
		readers.german(world.pam());
		assertThat(readers.read(readers.signIn(world.pam()), "/partners/" + world.partnerId() + "/incentives"))
			.contains("1 EUR = 1,08 on 2026-11-22");
	}

	@Test
	void aClaimFormSentTwiceClaimsOnce() throws Exception {
		// s57, try71: a second click claimed the same cost again, within what was
		// approved
		var world = this.fixtures.world("Once Claimers");
		accrue(world, "3000.00", "EUR");
		long approved = this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at, approved_amount)
				VALUES (:partner, 'Trade fair', 1000, 'EUR', 10000, 0, 'APPROVED', :by, :now, 1000) RETURNING id
				""")
			.param("partner", world.partnerId())
			.param("by", world.partnerUser().userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		var partner = login(world.partnerUser());
		var page = "/partners/" + world.partnerId() + "/incentives";
		var html = this.mvc.perform(get(page).session(partner)).andReturn().getResponse().getContentAsString();
		var token = html.replaceAll("(?s).*name=\"once\" value=\"([0-9a-f-]{36})\".*", "$1");
		for (int i = 0; i < 2; i++) {
			var sent = this.mvc
				.perform(post("/partners/" + world.partnerId() + "/mdf-requests/" + approved + "/claims")
					.param("amount", "400")
					.param("proof", "Invoice 77")
					.param(com.trellis.shared.FormOnce.FIELD, token)
					.session(partner)
					.with(csrf()))
				.andReturn();
			assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(page);
			assertThat(sent.getFlashMap().get("notice")).as("%s", sent.getFlashMap().get("error"))
				.isEqualTo(i == 0 ? "Saved" : com.trellis.shared.FormOnce.REPEATED);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM mdf_claim WHERE request_id = :r")
			.param("r", approved)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void accrue(Fixtures.World world, String amount, String currency) {
		var program = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("MDF fund " + System.nanoTime(), ProgramKind.MDF, currency, LocalDate.of(2026, 1, 1),
						null, Map.of("tiers", List.of(Map.of("threshold", "1", "value", amount)))));
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, 'MDF_FUND', ?, ?, ?, 'test', ?)
					""")
			.params(world.partnerId(), program.id(), "mdf:fund:" + System.nanoTime(), new BigDecimal(amount), currency,
					Timestamp.from(Instant.parse("2026-10-01T00:00:00Z")))
			.update();
	}

	private static String request(String activity, String cost) {
		return """
				{"activity": "%s", "cost": %s, "currency": "USD", "expectedPipeline": 90000, "partnerInvestment": 1000}
				""".formatted(activity, cost);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
