package com.trellis.roi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.marketplace.MarketplaceVelocity;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ROI per tier and cohort and marketplace velocity on a hand-computed fixture (quarter
 * 2026-Q3, USD, EUR at 1.08, GBP at 1.27, JPY at 0.0067; PAM time USD 500 per managed
 * partner): a PAM's book of three partners A, B and C.
 * <ul>
 * <li>A: spend USD 1,000.00, two wins of USD 3,000.00 → cost 1,500.00, revenue 6,000.00;
 * tier 2 in the quarter, tier 1 since 2026-10-15.</li>
 * <li>B: spend EUR 2,000.00 = USD 2,160.00, a win of USD 10,000.00 → cost 2,660.00.</li>
 * <li>C: spend GBP 100.00 = USD 127.00 → cost 627.00, no revenue; tier 3 since
 * 2026-08-01.</li>
 * <li>Cohort X: A and C all along; cohort Y: B until 2026-09-10, C since 2026-07-01;
 * cohort Z: A since 2026-10-10.</li>
 * </ul>
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class RoiGroupsAndMarketplaceTests {

	private static final Instant IN_Q3 = Instant.parse("2026-08-20T10:00:00Z");

	private final java.util.List<Long> wonDeals = new java.util.ArrayList<>();

	@Autowired
	Roi roi;

	@Autowired
	ProgramSpend programSpend;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Viewer admin;

	Viewer pam;

	long a;

	long b;

	long c;

	String tag;

	@BeforeEach
	void book() {
		this.tag = " " + System.nanoTime();
		this.admin = this.fixtures.user(Role.ADMIN);
		this.roi.setRates(this.admin, new CostRates(new BigDecimal("500.00"), "USD", new BigDecimal("100.00"), "USD"),
				null);
		this.pam = this.fixtures.user(Role.PAM);
		this.a = this.fixtures.partner("Groups A" + this.tag, this.pam.userId());
		this.b = this.fixtures.partner("Groups B" + this.tag, this.pam.userId());
		this.c = this.fixtures.partner("Groups C" + this.tag, this.pam.userId());
		var ae = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Groups customer" + this.tag, "groups" + System.nanoTime() + ".example",
				ae.userId());
		won(account, ae, this.a, "3000.00");
		won(account, ae, this.a, "3000.00");
		won(account, ae, this.b, "10000.00");
		spend(this.a, "2026-08-01", "1000.00", "USD");
		spend(this.b, "2026-09-15", "2000.00", "EUR");
		spend(this.c, "2026-07-10", "100.00", "GBP");
		tier(this.a, "TIER_2_EMERGING", "TIER_1_INVEST", "2026-10-15");
		tier(this.c, "TIER_2_EMERGING", "TIER_3_BASELINE", "2026-08-01");
	}

	@Test
	void tierTotalsTakeEachPartnersTierAsOfTheQuartersLastDay() {
		var q3 = this.roi.report(this.pam, "2026-Q3", null);
		assertThat(q3.tiers()).extracting(RoiReport.Total::group).containsExactly("TIER_2_EMERGING", "TIER_3_BASELINE");
		var tier2 = q3.tiers().get(0);
		assertThat(tier2.partners()).isEqualTo(2);
		assertThat(tier2.programSpend()).isEqualByComparingTo("3160.00");
		assertThat(tier2.pamCost()).isEqualByComparingTo("1000.00");
		assertThat(tier2.cost()).isEqualByComparingTo("4160.00");
		assertThat(tier2.revenue()).isEqualByComparingTo("16000.00");
		// (16,000.00 − 4,160.00) / 4,160.00 = 2.84615… → 284.6 %
		assertThat(tier2.roiPercent()).isEqualByComparingTo("284.6");
		var tier3 = q3.tiers().get(1);
		assertThat(tier3.cost()).isEqualByComparingTo("627.00");
		assertThat(tier3.roiPercent()).isEqualByComparingTo("-100.0");
		assertThat(q3.partners()).filteredOn(p -> p.partnerId() == this.a)
			.singleElement()
			.satisfies(p -> assertThat(p.tier()).isEqualTo("TIER_2_EMERGING"));
		// (16,000.00 − 4,787.00) / 4,787.00 = 2.34238… → 234.2 %
		assertThat(q3.total().cost()).isEqualByComparingTo("4787.00");
		assertThat(q3.total().roiPercent()).isEqualByComparingTo("234.2");

		// in the quarter in progress A is in tier 1
		assertThat(this.roi.report(this.pam, "2026-Q4", null).tiers()).extracting(RoiReport.Total::group)
			.containsExactly("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE");
	}

	@Test
	void cohortTotalsSumTheMembersAtTheQuartersEnd() {
		cohorts();
		var q3 = this.roi.report(this.pam, "2026-Q3", null);
		assertThat(q3.cohorts()).extracting(RoiReport.Total::group).containsExactly("X" + this.tag, "Y" + this.tag);
		var x = q3.cohorts().get(0);
		assertThat(x.partners()).isEqualTo(2);
		assertThat(x.programSpend()).isEqualByComparingTo("1127.00");
		assertThat(x.cost()).isEqualByComparingTo("2127.00");
		assertThat(x.pipeline()).isEqualByComparingTo("6000.00");
		assertThat(x.revenue()).isEqualByComparingTo("6000.00");
		// (6,000.00 − 2,127.00) / 2,127.00 = 1.82087… → 182.1 %
		assertThat(x.roiPercent()).isEqualByComparingTo("182.1");
		var y = q3.cohorts().get(1);
		assertThat(y.partners()).isEqualTo(1);
		assertThat(y.cost()).isEqualByComparingTo("627.00");

		// now: Z has A, Y has only C (B left)
		assertThat(this.roi.report(this.pam, "2026-Q4", null).cohorts()).extracting(RoiReport.Total::group)
			.containsExactly("X" + this.tag, "Y" + this.tag, "Z" + this.tag);
		// a partner user reads only its own partner's cohorts, and of those only the
		// ones made by rule: a hand-made cohort's name is the vendor's own note (s56)
		this.jdbc.sql("UPDATE cohort SET kind = 'RULE', rule_key = :key WHERE name = :name")
			.param("key", "fixture" + this.tag)
			.param("name", "Y" + this.tag)
			.update();
		var userOfC = this.fixtures.user(Role.PARTNER, this.c, null);
		assertThat(this.roi.report(userOfC, "2026-Q3", null).cohorts()).extracting(RoiReport.Total::group)
			.containsExactly("Y" + this.tag);
		var page = this.roi.page(userOfC, "2026-Q3", null);
		assertThat(page.cohorts().items()).extracting(RoiReport.Total::group).containsExactly("Y" + this.tag);
		assertThat(page.cohorts().total()).isEqualTo(1);
		assertThat(this.roi.report(this.pam, "2026-Q3", null).cohorts()).hasSize(2);
	}

	@Test
	void marketplaceVelocityCountsTheLastThirtyAndNinetyDaysAgainstTheNinetyBefore() throws Exception {
		transaction(this.a, "2026-09-30", "1000.00", "USD");
		transaction(this.a, "2026-09-01", "500.00", "EUR");
		transaction(this.a, "2026-08-15", "100000", "JPY");
		transaction(this.a, "2026-07-02", "99.99", "GBP");
		transaction(this.a, "2026-05-10", "300.00", "USD");
		transaction(this.a, "2026-03-01", "5000.00", "USD");
		transaction(this.a, "2026-10-05", "9999.00", "USD");
		transaction(this.b, "2026-09-20", "10.00", "USD");

		var q3 = this.roi.report(this.pam, "2026-Q3", null);
		assertThat(q3.marketplace()).extracting(MarketplaceVelocity::partnerId).containsExactly(this.a, this.b);
		var va = q3.marketplace().get(0);
		assertThat(va.asOf()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(va.transactions30()).isEqualTo(2);
		// USD 1,000.00 + EUR 500.00 × 1.08
		assertThat(va.amount30()).isEqualTo(new BigDecimal("1540.00"));
		assertThat(va.transactions90()).isEqualTo(3);
		// + JPY 100,000 × 0.0067
		assertThat(va.amount90()).isEqualTo(new BigDecimal("2210.00"));
		assertThat(va.transactionsBefore()).isEqualTo(2);
		// GBP 99.99 × 1.27 = 126.9873 → 126.99, + USD 300.00
		assertThat(va.amountBefore()).isEqualTo(new BigDecimal("426.99"));
		assertThat(va.changePercent()).isEqualByComparingTo("417.6");
		assertThat(va.trend()).isEqualTo("RISING");
		assertThat(q3.marketplace().get(1).trend()).isEqualTo("NEW");

		var csv = this.mvc
			.perform(get("/api/v1/roi/partners.csv?quarter=2026-Q3").header("Authorization",
					"Bearer " + this.fixtures.token(this.pam)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("marketplace_transactions_30d,marketplace_amount_30d")
			.contains(",2,1540.00,3,2210.00,417.6,RISING\r\n")
			.contains("Groups C" + this.tag);
		assertThat(csv.lines().filter(l -> l.contains("Groups C" + this.tag))).singleElement()
			.satisfies(l -> assertThat(l).endsWith(",0,0.00,0,0.00,,NONE"));

		// a partner user sees its own velocity only; an AE none at all
		var userOfB = this.fixtures.user(Role.PARTNER, this.b, null);
		assertThat(this.roi.report(userOfB, "2026-Q3", null).marketplace()).extracting(MarketplaceVelocity::partnerId)
			.containsExactly(this.b);
		assertThatThrownBy(() -> this.roi.report(this.fixtures.user(Role.AE), "2026-Q3", null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theTotalsCsvAndThePageShowTheTierCohortAndMarketplaceFigures() throws Exception {
		cohorts();
		transaction(this.a, "2026-09-30", "1000.00", "USD");
		var token = "Bearer " + this.fixtures.token(this.pam);
		var csv = this.mvc.perform(get("/api/v1/roi/totals.csv?quarter=2026-Q3").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFkind,group,quarter,currency,partners,")
			.contains("ALL,ALL,2026-Q3,USD,3,0,0.00,0.00,0.00,3287.00,1500.00,4787.00,16000.00,16000.00,234.2\r\n")
			.contains("TIER,TIER_2_EMERGING,2026-Q3,USD,2,")
			.contains("COHORT,X" + this.tag + ",2026-Q3,USD,2,0,0.00,0.00,0.00,1127.00,1000.00,2127.00,6000.00,"
					+ "6000.00,182.1\r\n");
		var login = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(this.pam))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
		var page = this.mvc
			.perform(get("/roi?quarter=2026-Q3")
				.session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession(false)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"roi-cohorts\"")
			.contains("X" + this.tag)
			.contains("2,127.00")
			.contains("182.1")
			.contains("id=\"roi-marketplace\"")
			.contains("Groups A" + this.tag)
			.contains("1,000.00")
			.contains("/roi/totals.csv?quarter=2026-Q3");
	}

	private void cohorts() {
		long x = cohort("X" + this.tag);
		long y = cohort("Y" + this.tag);
		long z = cohort("Z" + this.tag);
		member(x, this.a, "2026-06-01T00:00:00Z", null);
		member(x, this.c, "2026-06-01T00:00:00Z", null);
		member(y, this.b, "2026-06-01T00:00:00Z", "2026-09-10T00:00:00Z");
		member(y, this.c, "2026-07-01T00:00:00Z", null);
		member(z, this.a, "2026-10-10T00:00:00Z", null);
	}

	private long cohort(String name) {
		return this.jdbc.sql("""
				INSERT INTO cohort (name, kind, basis, created_at) VALUES (:name, 'MANUAL', 'fixture', :at) RETURNING id
				""").param("name", name).param("at", Timestamp.from(IN_Q3)).query(Long.class).single();
	}

	private void member(long cohort, long partner, String from, String to) {
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, valid_to, reason)
				VALUES (:cohort, :partner, :from, :to, 'fixture')
				""")
			.param("cohort", cohort)
			.param("partner", partner)
			.param("from", Timestamp.from(Instant.parse(from)))
			.param("to", to == null ? null : Timestamp.from(Instant.parse(to)))
			.update();
	}

	private void tier(long partner, String from, String to, String day) {
		this.jdbc.sql("UPDATE partner SET tier = :tier WHERE id = :id").param("tier", to).param("id", partner).update();
		this.jdbc.sql("""
				INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_at)
				VALUES (:partner, :from, :to, :day, 'MANUAL', 'fixture', :at)
				""")
			.param("partner", partner)
			.param("from", from)
			.param("to", to)
			.param("day", Date.valueOf(day))
			.param("at", Timestamp.from(IN_Q3))
			.update();
	}

	private void spend(long partner, String day, String amount, String currency) {
		this.programSpend.add(this.admin,
				new SpendCommand(partner, LocalDate.parse(day), new BigDecimal(amount), currency, "Partner event"));
	}

	private void transaction(long partner, String day, String amount, String currency) {
		this.jdbc.sql("""
				INSERT INTO marketplace_transaction (source_id, partner_id, customer, listing, amount, currency,
				                                     transacted_on, recorded_at, updated_at)
				VALUES (:source, :partner, 'Customer', 'Listing', :amount, :currency, :day, :at, :at)
				""")
			.param("source", "roi-" + System.nanoTime())
			.param("partner", partner)
			.param("amount", new BigDecimal(amount))
			.param("currency", currency)
			.param("day", Date.valueOf(day))
			.param("at", Timestamp.from(IN_Q3))
			.update();
	}

	private void won(long account, Viewer ae, long partner, String amount) {
		long id = this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         partner_id, credit_type, partner_share, stage_entered_at, created_at,
				                         closed_at, updated_at)
				VALUES (:account, 'Groups deal', :amount, 'USD', 'CLOSED_WON', DATE '2026-08-20', :owner, 'PARTNER',
				        :partner, 'SOURCED', 20, :at, :at, :at, :at) RETURNING id
				""")
			.param("account", account)
			.param("amount", new BigDecimal(amount))
			.param("owner", ae.userId())
			.param("partner", partner)
			.param("at", Timestamp.from(IN_Q3))
			.query(Long.class)
			.single();
		this.wonDeals.add(id);
	}

	/**
	 * The won deals of 2026-Q3 leave the shared database with the test: program-wide
	 * figures of that quarter (the forecast's accuracy against actuals) are asserted
	 * elsewhere.
	 */
	@AfterEach
	void removeTheQuartersWonDeals() {
		this.jdbc.sql("DELETE FROM opportunity WHERE id IN (:ids)").param("ids", this.wonDeals).update();
		this.wonDeals.clear();
	}

}
