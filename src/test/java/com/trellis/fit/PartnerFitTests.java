package com.trellis.fit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.FitDealRows;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Partner fit on a deal, through the API, on a fixture of its own industry: the partner
 * with the most similar won deals and good trust ranks first with those deals named; a
 * partner's account list is never shown; a partner user gets 404.
 */
@TrellisTest
class PartnerFitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void onAFixtureWithSimilarWonDealsTheExpectedPartnerRanksFirstWithTheSimilarDealsNamed() throws Exception {
		var fixture = fixture("Aerospace");
		var ae = new Api(this.mvc, this.fixtures.token(fixture.ae()));
		ae.get("/api/v1/opportunities/" + fixture.deal() + "/partner-fit")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industry").value(fixture.industry()))
			.andExpect(jsonPath("$.partners[*].partnerName")
				.value(contains(fixture.name("Skyline Integrators"), fixture.name("Hangar Partners"))))
			.andExpect(jsonPath("$.partners[0].similarWon").value(3))
			.andExpect(jsonPath("$.partners[0].points").value(10))
			.andExpect(jsonPath("$.partners[0].trust").value(80.0))
			.andExpect(jsonPath("$.partners[0].fit").value(9.0))
			.andExpect(jsonPath("$.partners[0].named[*].name")
				.value(contains("Orbital Works – fleet rollout", "Jetstream – hangar sensors", "Aerolab – pilot")))
			.andExpect(jsonPath("$.partners[0].named[0].alike").value(contains("industry " + fixture.industry(),
					"201-1000 employees", "country DE", "deal size 25,000–100,000")))
			.andExpect(jsonPath("$.partners[0].reason")
				.value("3 similar won deals worth 10 points (2 alike in every trait), trust 80.0: weight 0.9, fit 9.0"))
			.andExpect(jsonPath("$.partners[1].named[*].name").value(contains("Contrail – renewal")))
			.andExpect(jsonPath("$.partners[1].trustUnknownReason").value("not scored yet"));
	}

	@Test
	void anAesPartnerFitListNeverRevealsAnotherPartnersDealsOrCustomers() throws Exception {
		var fixture = fixture("Shipbuilding");
		// the first partner's own customer list (account mapping) names companies of its
		// own
		upload(this.fixtures.token(fixture.pam()), fixture.skyline(),
				"company_name,web_domain,country,status\nSecret Dockyard Customer,secret-dockyard.com,DE,customer\n");
		var body = new Api(this.mvc, this.fixtures.token(fixture.ae()))
			.get("/api/v1/opportunities/" + fixture.deal() + "/partner-fit")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("Secret Dockyard").doesNotContain("secret-dockyard");
		// each partner's evidence is its own deals, never another partner's
		for (var partner : new long[] { fixture.skyline(), fixture.hangar() }) {
			var named = this.jdbc.sql("SELECT count(*) FROM opportunity WHERE partner_id <> :partner AND id IN (:ids)")
				.param("partner", partner)
				.param("ids", ids(body, partner))
				.query(Long.class)
				.single();
			assertThat(named).isZero();
		}
		var partnerUser = new Api(this.mvc, this.fixtures.token(fixture.partnerUser()));
		partnerUser.get("/api/v1/opportunities/" + fixture.deal() + "/partner-fit").andExpect(status().isNotFound());
		partnerUser.get("/api/v1/opportunities/" + fixture.ownDeal() + "/partner-fit").andExpect(status().isNotFound());
	}

	@Test
	void aDealWhoseCustomerHasNoIndustrySaysWhyNoPartnerIsRanked() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		long account = account("No Industry Customer " + System.nanoTime(), null, "201-1000", "DE", ae.userId());
		long deal = deal(account, "Unknown industry – pilot", ae.userId(), null, "QUALIFIED", "50000", null);
		new Api(this.mvc, this.fixtures.token(ae)).get("/api/v1/opportunities/" + deal + "/partner-fit")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partners", hasSize(0)))
			.andExpect(jsonPath("$.note")
				.value("The customer's industry is not recorded, so no won deal can be compared with this one."));
	}

	private java.util.List<Long> ids(String body, long partner) {
		var ids = com.jayway.jsonpath.JsonPath.<java.util.List<Number>>read(body,
				"$.partners[?(@.partnerId == " + partner + ")].named[*].id");
		var list = ids.stream().map(Number::longValue).toList();
		assertThat(list).isNotEmpty();
		return list;
	}

	/**
	 * An open deal with a customer of an industry of its own (201-1000 employees, DE, USD
	 * 60,000), and in that industry: Skyline (trust 80) won three similar deals (two
	 * alike in every trait, one in industry and size only: 4 + 4 + 2 points), Hangar
	 * (never scored) one alike in every trait; a Dormant partner won one too, and Skyline
	 * won two deals in another industry and one lost deal here, which do not count.
	 */
	private Fixture fixture(String word) {
		String industry = word + " " + System.nanoTime();
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long skyline = this.fixtures.partner("Skyline Integrators " + industry, pam.userId());
		long hangar = this.fixtures.partner("Hangar Partners " + industry, pam.userId());
		long dormant = this.fixtures.partner("Dormant Partner " + industry, pam.userId());
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'DORMANT' WHERE id = :id").param("id", dormant).update();
		trust(skyline, "80.0");
		long customer = account("Target Customer " + industry, industry, "201-1000", "DE", ae.userId());
		long deal = deal(customer, "Target – hangar automation", ae.userId(), null, "QUALIFIED", "60000", null);
		won(skyline, "Orbital Works – fleet rollout", industry, "201-1000", "DE", "75000", 20, ae.userId());
		won(skyline, "Jetstream – hangar sensors", industry, "201-1000", "DE", "30000", 40, ae.userId());
		won(skyline, "Aerolab – pilot", industry, "201-1000", "US", "900000", 10, ae.userId());
		won(skyline, "Retail elsewhere – shelves", "Retail " + industry, "201-1000", "DE", "60000", 5, ae.userId());
		won(skyline, "Too old – first build", industry, "201-1000", "DE", "60000", 800, ae.userId());
		long lostAccount = account("Lost Customer " + industry, industry, "201-1000", "DE", ae.userId());
		deal(lostAccount, "Lost – bid", ae.userId(), skyline, "CLOSED_LOST", "60000", 15);
		won(hangar, "Contrail – renewal", industry, "201-1000", "DE", "50000", 12, ae.userId());
		won(dormant, "Sleeper – legacy", industry, "201-1000", "DE", "50000", 12, ae.userId());
		var partnerUser = this.fixtures.user(Role.PARTNER, skyline, null);
		long ownAccount = account("Own Customer " + industry, industry, "201-1000", "DE", ae.userId());
		long ownDeal = deal(ownAccount, "Own – open", ae.userId(), skyline, "QUALIFIED", "60000", null);
		return new Fixture(industry, ae, pam, partnerUser, skyline, hangar, deal, ownDeal);
	}

	private void won(long partner, String name, String industry, String band, String country, String amount,
			int daysAgo, long owner) {
		rows().won(partner, name, industry, band, country, amount, daysAgo, owner);
	}

	private long account(String name, String industry, String band, String country, long owner) {
		return rows().account(name, industry, band, country, owner);
	}

	private long deal(long account, String name, long owner, Long partner, String stage, String amount,
			Integer closedDaysAgo) {
		return rows().deal(account, name, owner, partner, stage, amount, closedDaysAgo);
	}

	private FitDealRows rows() {
		return new FitDealRows(this.jdbc, this.clock);
	}

	private void trust(long partner, String score) {
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, :week, 'fixture', :week, 'TRUST', :score, :now)
				""")
			.param("partner", partner)
			.param("week", LocalDate.now(this.clock).minusDays(3))
			.param("score", new BigDecimal(score))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void upload(String token, long partnerId, String csv) throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + partnerId + "/account-list")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.valueOf("text/csv"))
				.content(csv))
			.andExpect(status().isCreated());
	}

	private record Fixture(String industry, com.trellis.identity.Viewer ae, com.trellis.identity.Viewer pam,
			com.trellis.identity.Viewer partnerUser, long skyline, long hangar, long deal, long ownDeal) {

		String name(String partner) {
			return partner + " " + this.industry;
		}

	}

}
