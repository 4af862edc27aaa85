package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's quarter on a hand-computed fixture (quarter 2026-Q4, reporting currency
 * USD, EUR at 1.08, GBP at 1.27, JPY at 0.0067): enablement 9 hours at USD 50, an MDF
 * claim of EUR 1,234.56 and a SPIFF of USD 500 paid, program spend of GBP 2,500 and JPY
 * 100,000, PAM time EUR 1,000 a quarter; 4 of 6 closed deals won for USD 40,000 against a
 * direct baseline of 1 in 4 in the same industry.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class RoiTests {

	private static final Instant IN_QUARTER = Instant.parse("2026-10-20T10:00:00Z");

	@Autowired
	Roi roi;

	@Autowired
	ProgramSpend programSpend;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Test
	void aPartnersCostToServeRevenueRoiAndLiftAreTheHandComputedFigures() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = fixture(admin);

		var report = this.roi.report(admin, "2026-Q4", world.partnerId());
		var p = report.partners().get(0);
		assertThat(report.currency()).isEqualTo("USD");
		assertThat(p.enablementHours()).isEqualByComparingTo("9.0");
		assertThat(p.enablementCost()).isEqualByComparingTo("450.00");
		assertThat(p.mdfPaid()).isEqualByComparingTo("1333.32");
		assertThat(p.incentivesPaid()).isEqualByComparingTo("500.00");
		assertThat(p.programSpend()).isEqualByComparingTo("3845.00");
		assertThat(p.pamCost()).isEqualByComparingTo("1080.00");
		assertThat(p.cost()).isEqualByComparingTo("7208.32");
		assertThat(p.pipeline()).isEqualByComparingTo("50000.00");
		assertThat(p.revenue()).isEqualByComparingTo("40000.00");
		assertThat(p.roiPercent()).isEqualByComparingTo("454.9");
		assertThat(p.liftPoints()).isEqualByComparingTo("41.7");
		assertThat(com.trellis.shared.StoredFigures.render(p.liftReason(), java.util.Locale.US)).contains("won 4 of 6")
			.contains("25.0 %");

		// the trend: the quarter before had USD 1,000 of spend and the PAM's time, no
		// revenue
		assertThat(report.trend()).extracting(RoiReport.Total::group)
			.containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
		var q3 = report.trend().get(2);
		assertThat(q3.cost()).isEqualByComparingTo("2080.00");
		assertThat(q3.roiPercent()).isEqualByComparingTo("-100.0");
		assertThat(report.trend().get(3).roiPercent()).isEqualByComparingTo("454.9");
		assertThat(report.tiers()).singleElement().satisfies(t -> {
			assertThat(t.group()).isEqualTo("TIER_2_EMERGING");
			assertThat(t.cost()).isEqualByComparingTo("7208.32");
		});
	}

	@Test
	void aPartnerUserSeesOnlyItsOwnFiguresAndAPamOnlyTheBook() {
		var admin = this.fixtures.user(Role.ADMIN);
		var own = fixture(admin);
		var other = this.fixtures.world("ROI other partner");
		spend(admin, other.partnerId(), "2026-10-02", "999.00", "USD");

		assertThat(this.roi.report(own.partnerUser(), "2026-Q4", null).partners()).extracting(PartnerQuarter::partnerId)
			.containsExactly(own.partnerId());
		assertThat(this.roi.report(own.pam(), "2026-Q4", null).partners()).extracting(PartnerQuarter::partnerId)
			.containsExactly(own.partnerId());
		assertThat(this.programSpend.list(own.partnerUser(), null, new com.trellis.shared.PageRequest(0, 50)).items())
			.extracting(SpendView::partnerId)
			.containsOnly(own.partnerId());
		assertThatThrownBy(() -> this.roi.report(own.partnerUser(), "2026-Q4", other.partnerId()))
			.isInstanceOf(com.trellis.shared.NotFoundException.class);
		assertThatThrownBy(() -> this.roi.report(own.ae(), "2026-Q4", null)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void programSpendIsAuditedAndBadSpendNamesEachFieldAndChangesNothing() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("ROI spend partner");
		var view = spend(admin, world.partnerId(), "2026-10-05", "1234.50", "EUR");
		assertThat(this.audit.history("program-spend", view.id())).singleElement()
			.satisfies(e -> assertThat(e.after()).contains("1234.50").contains("EUR"));

		long before = this.fixtures.count("roi_program_spend");
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.post("/api/v1/roi/spend",
				"{\"partnerId\": %d, \"spentOn\": \"2026-10-05\", \"amount\": \"12.345\", \"currency\": \"USD\", \"purpose\": \"\"}"
					.formatted(world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'purpose')]").exists());
		assertThatThrownBy(() -> this.programSpend.add(admin,
				new SpendCommand(999_999_999L, LocalDate.of(2026, 10, 5), new BigDecimal("10.00"), "USD", "Event")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("partnerId"));
		assertThat(this.fixtures.count("roi_program_spend")).isEqualTo(before);
		assertThatThrownBy(() -> spend(world.pam(), world.partnerId(), "2026-10-05", "10.00", "USD"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void costRatesAreSetByAnAdminAuditedAndRefusedWithTheFieldNamed() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.put("/api/v1/roi/cost-rates",
				"{\"pamCostPerPartner\": \"-1\", \"pamCurrency\": \"XXX\", \"enablementHourCost\": \"50\", \"enablementCurrency\": \"USD\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'pamCostPerPartner')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'pamCurrency')]").exists());
		// the enablement hour is money in its own currency: more decimals than it has are
		// refused, not rounded
		api.put("/api/v1/roi/cost-rates",
				"{\"pamCostPerPartner\": 2500, \"pamCurrency\": \"USD\", \"enablementHourCost\": 120.555, \"enablementCurrency\": \"USD\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'enablementHourCost')]").exists());
		api.put("/api/v1/roi/cost-rates",
				"{\"pamCostPerPartner\": 2500, \"pamCurrency\": \"USD\", \"enablementHourCost\": 120.5, \"enablementCurrency\": \"JPY\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'enablementHourCost')]").exists());
		this.roi.setRates(admin, new CostRates(new BigDecimal("1000.00"), "EUR", new BigDecimal("50.00"), "USD"), null);
		assertThat(this.roi.rates(admin).pamCostPerPartner()).isEqualByComparingTo("1000.00");
		assertThat(this.audit.history("roi-cost-rates", 1)).isNotEmpty();
	}

	@Test
	void theRoiPageShowsThePartnersCostAndRoiAndAPartnerUserSeesNoOtherPartner() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var own = fixture(admin);
		var other = this.fixtures.world("ROI hidden partner " + System.nanoTime());
		var page = this.mvc.perform(get("/roi?quarter=2026-Q4").session(login(own.pam())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("7,208.32").contains("454.9");
		var partnerPage = this.mvc.perform(get("/roi?quarter=2026-Q4").session(login(own.partnerUser())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(partnerPage).contains("7,208.32")
			.doesNotContain("ROI hidden partner")
			.doesNotContain("roi-reinvest");
		this.mvc
			.perform(post("/roi/spend").session(login(admin))
				.with(csrf())
				.param("partnerId", "" + other.partnerId())
				.param("spentOn", "2026-10-05")
				.param("amount", "lots")
				.param("currency", "USD")
				.param("purpose", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
	}

	/**
	 * low31: the ROI and lift reasons were written in English notation ("revenue USD
	 * 40,000.00 less cost…", "(66.7 %)") on the page, in the API and the CSV.
	 */
	@Test
	void theRoiAndLiftReasonsReadInEachReadersNotationOnThePageTheApiAndTheCsv() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = fixture(admin);
		new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).german(admin);
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(admin));

		api.get("/api/v1/roi?quarter=2026-Q4&partner=" + world.partnerId())
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.partners[0].roiReason")
				.value("revenue USD 40.000,00 less cost USD 7.208,32, over the cost"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.partners[0].liftReason")
				.value(org.hamcrest.Matchers.containsString("won 4 of 6 comparable closed deals (66,7 %)")));
		api.get("/api/v1/roi/partners.csv?quarter=2026-Q4")
			.andExpect(content().string(org.hamcrest.Matchers.containsString("(66,7 %)")));
		var page = this.mvc.perform(get("/roi?quarter=2026-Q4").session(login(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("revenue USD 40.000,00 less cost USD 7.208,32, over the cost")
			.doesNotContain("{money:")
			.doesNotContain("{percent:");
	}

	private org.springframework.mock.web.MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
	}

	private Fixtures.World fixture(Viewer admin) {
		this.roi.setRates(admin, new CostRates(new BigDecimal("1000.00"), "EUR", new BigDecimal("50.00"), "USD"), null);
		var world = this.fixtures.world("ROI partner " + System.nanoTime());
		String industry = "ROI industry " + System.nanoTime();
		this.jdbc.sql("UPDATE account SET industry = :industry WHERE id = :id")
			.param("industry", industry)
			.param("id", world.accountId())
			.update();
		// the fixture's open deal was created "now" (2026-11-22): USD 125,000 of pipeline
		// moved out of the quarter so that the pipeline is the six closed deals only
		this.jdbc.sql("DELETE FROM opportunity WHERE id = :id").param("id", world.dealId()).update();
		for (int i = 0; i < 4; i++) {
			deal(world, world.partnerId(), "CLOSED_WON", "10000.00");
		}
		deal(world, world.partnerId(), "CLOSED_LOST", "5000.00");
		deal(world, world.partnerId(), "CLOSED_LOST", "5000.00");
		deal(world, null, "CLOSED_WON", "7000.00");
		for (int i = 0; i < 3; i++) {
			deal(world, null, "CLOSED_LOST", "7000.00");
		}
		completion(world, "AE-201");
		completion(world, "SE-201");
		paid(world.partnerId(), "MDF_REIMBURSEMENT", "1234.56", "EUR");
		paid(world.partnerId(), "SPIFF", "500.00", "USD");
		spend(admin, world.partnerId(), "2026-10-02", "2500.00", "GBP");
		spend(admin, world.partnerId(), "2026-11-20", "100000", "JPY");
		spend(admin, world.partnerId(), "2026-08-15", "1000.00", "USD");
		return world;
	}

	private SpendView spend(Viewer admin, long partnerId, String day, String amount, String currency) {
		return this.programSpend.add(admin,
				new SpendCommand(partnerId, LocalDate.parse(day), new BigDecimal(amount), currency, "Partner event"));
	}

	private void deal(Fixtures.World world, Long partnerId, String stage, String amount) {
		this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         partner_id, credit_type, partner_share, stage_entered_at, created_at,
				                         closed_at, updated_at)
				VALUES (:account, 'ROI deal', :amount, 'USD', :stage, DATE '2026-10-20', :owner,
				        CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN 'DIRECT' ELSE 'PARTNER' END, :partner,
				        CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE 'SOURCED' END,
				        CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE 20 END, :at, :at, :at, :at)
				""")
			.param("account", world.accountId())
			.param("amount", new BigDecimal(amount))
			.param("stage", stage)
			.param("owner", world.ae().userId())
			.param("partner", partnerId)
			.param("at", Timestamp.from(IN_QUARTER))
			.update();
	}

	private void completion(Fixtures.World world, String code) {
		this.jdbc
			.sql("""
					INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, source, recorded_by, recorded_at)
					SELECT i.id, :user, :partner, DATE '2026-10-10', 'ADMIN', :user, :at FROM enablement_item i WHERE i.code = :code
					""")
			.param("user", world.partnerUser().userId())
			.param("partner", world.partnerId())
			.param("at", Timestamp.from(IN_QUARTER))
			.param("code", code)
			.update();
	}

	private void paid(long partnerId, String kind, String amount, String currency) {
		long program = this.jdbc.sql("""
				INSERT INTO incentive_program (name, kind, currency, starts_on, ends_on, params, created_at)
				VALUES ('ROI fixture', 'FAST_START_SPIFF', :currency, DATE '2026-01-01', DATE '2026-01-01',
				        '{"bonus": "1", "firstDeals": 1, "withinDays": 1}'::jsonb, :at) RETURNING id
				""").param("currency", currency).param("at", Timestamp.from(IN_QUARTER)).query(Long.class).single();
		long earning = this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (:partner, :program, :kind, 'roi-fixture', :amount, :currency, 'fixture', :at) RETURNING id
					""")
			.param("partner", partnerId)
			.param("program", program)
			.param("kind", kind)
			.param("amount", new BigDecimal(amount))
			.param("currency", currency)
			.param("at", Timestamp.from(IN_QUARTER))
			.query(Long.class)
			.single();
		long run = this.jdbc
			.sql("INSERT INTO payout_run (started_at, finished_at, status) VALUES (:at, :at, 'FINISHED') RETURNING id")
			.param("at", Timestamp.from(IN_QUARTER))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
				VALUES (:run, :earning, :partner, :amount, :currency, :at)
				""")
			.param("run", run)
			.param("earning", earning)
			.param("partner", partnerId)
			.param("amount", new BigDecimal(amount))
			.param("currency", currency)
			.param("at", Timestamp.from(IN_QUARTER))
			.update();
	}

}
