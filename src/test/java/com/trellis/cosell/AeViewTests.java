package com.trellis.cosell;

import java.sql.Date;
import java.sql.Timestamp;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The AE view through the API: the partners present at an account with tier, trust and
 * their record in the account's industry; one click attaches one to a deal, audited, the
 * owner side only, and a partner joining after its overlap was shown is recorded as
 * overlap-sourced.
 */
@TrellisTest
class AeViewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void anAccountExecutiveSeesEachPartnerPresentWithTierTrustAndItsRecordInTheAccountsIndustry() throws Exception {
		var seller = this.fixtures.world("AE View Sellers");
		var scored = this.fixtures.world("AE View Scored Helpers");
		var unscored = this.fixtures.world("AE View Unscored Helpers");
		long ae = seller.ae().userId();
		long account = this.fixtures.account("Brackwater Foods", "brackwater-foods.com", ae);
		// the scored partner's record in retail: two won (10,000 + 5,000), one lost; a
		// win
		// in mining does not count
		closed(this.fixtures.partnerDeal(this.fixtures.account("Retail One", null, ae), ae, scored.partnerId(),
				"10000.00"), "CLOSED_WON");
		closed(this.fixtures.partnerDeal(this.fixtures.account("Retail Two", null, ae), ae, scored.partnerId(),
				"5000.00"), "CLOSED_WON");
		closed(this.fixtures.partnerDeal(this.fixtures.account("Retail Three", null, ae), ae, scored.partnerId(),
				"7000.00"), "CLOSED_LOST");
		long mining = this.fixtures.account("Mining One", null, ae);
		this.jdbc.sql("UPDATE account SET industry = 'Mining' WHERE id = :id").param("id", mining).update();
		closed(this.fixtures.partnerDeal(mining, ae, scored.partnerId(), "90000.00"), "CLOSED_WON");
		trust(scored.partnerId(), "72.5");
		list(scored, "Brackwater Foods,brackwater-foods.com,US,customer");
		list(unscored, "Brackwater Foods Inc,www.brackwater-foods.com,US,prospect");

		new Api(this.mvc, this.fixtures.token(seller.ae())).get("/api/v1/accounts/" + account + "/partners")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].partnerId").value((int) scored.partnerId()))
			.andExpect(jsonPath("$[0].status").value("CUSTOMER"))
			.andExpect(jsonPath("$[0].tier").value("TIER_2_EMERGING"))
			.andExpect(jsonPath("$[0].tierLabel").value("Tier 2 · Emerging"))
			.andExpect(jsonPath("$[0].trust").value(72.5))
			.andExpect(jsonPath("$[0].industry").value("Retail"))
			.andExpect(jsonPath("$[0].won").value(2))
			.andExpect(jsonPath("$[0].lost").value(1))
			.andExpect(jsonPath("$[0].wonAmount").value(15000.00))
			.andExpect(jsonPath("$[0].currency").value("USD"))
			.andExpect(jsonPath("$[1].partnerId").value((int) unscored.partnerId()))
			.andExpect(jsonPath("$[1].status").value("PROSPECT"))
			.andExpect(jsonPath("$[1].trust").doesNotExist())
			.andExpect(jsonPath("$[1].trustUnknownReason").value(containsString("not scored yet")))
			.andExpect(jsonPath("$[1].won").value(0));
		new Api(this.mvc, this.fixtures.token(scored.partnerUser())).get("/api/v1/accounts/" + account + "/partners")
			.andExpect(status().isForbidden());
	}

	@Test
	void theDealsOwnerAttachesAPartnerPresentInOneClickAuditedAndOnlyOnce() throws Exception {
		var seller = this.fixtures.world("Attach Sellers");
		var helper = this.fixtures.world("Attach Helpers");
		long account = this.fixtures.account("Corrow Logistics", "corrow-logistics.com", seller.ae().userId());
		long deal = direct(account, seller.ae().userId());
		list(helper, "Corrow Logistics,corrow-logistics.com,US,customer");
		var owner = new Api(this.mvc, this.fixtures.token(seller.ae()));
		owner.get("/api/v1/opportunities/" + deal + "/partners")
			.andExpect(jsonPath("$[0].partnerId").value((int) helper.partnerId()))
			.andExpect(jsonPath("$[0].attached").value(false));

		var otherAe = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.AE)));
		otherAe.post("/api/v1/opportunities/" + deal + "/partner-attachment", "{\"creditType\": \"NOPE\"}")
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(helper.partnerUser()))
			.post("/api/v1/opportunities/" + deal + "/partner-attachment", "{}")
			.andExpect(status().isForbidden());
		owner
			.post("/api/v1/opportunities/" + deal + "/partner-attachment",
					"{\"partnerId\": " + helper.partnerId() + ", \"creditType\": \"SOURCED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditType"));
		assertThat(partnerOf(deal)).isNull();

		owner
			.post("/api/v1/opportunities/" + deal + "/partner-attachment",
					"{\"partnerId\": " + helper.partnerId() + ", \"creditType\": \"CO_SELL\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnerId").value((int) helper.partnerId()))
			.andExpect(jsonPath("$.creditType").value("CO_SELL"))
			.andExpect(jsonPath("$.partnerShare").value(15.0));
		owner
			.post("/api/v1/opportunities/" + deal + "/partner-attachment",
					"{\"partnerId\": " + helper.partnerId() + ", \"creditType\": \"CO_SELL\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already")));
		owner.get("/api/v1/opportunities/" + deal + "/partners").andExpect(jsonPath("$[0].attached").value(true));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'opportunity' AND entity_id = :deal
				  AND action = 'partner attached from the AE view'
				""").param("deal", String.valueOf(deal)).query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT via FROM overlap_sourced_deal WHERE opportunity_id = :deal")
			.param("deal", deal)
			.query(String.class)
			.list()).containsExactly("ATTACHED");
	}

	@Test
	void aPartnerJoiningADealWhoseOverlapWasNeverShownIsNotOverlapSourced() throws Exception {
		var seller = this.fixtures.world("Unshown Sellers");
		var helper = this.fixtures.world("Unshown Helpers");
		long account = this.fixtures.account("Dunmere Paper", "dunmere-paper.com", seller.ae().userId());
		long attached = direct(account, seller.ae().userId());
		long asked = direct(account, seller.ae().userId());
		list(helper, "Dunmere Paper,dunmere-paper.com,US,customer");
		var owner = new Api(this.mvc, this.fixtures.token(seller.ae()));
		owner
			.post("/api/v1/opportunities/" + attached + "/partner-attachment",
					"{\"partnerId\": " + helper.partnerId() + ", \"creditType\": \"INFLUENCED\"}")
			.andExpect(status().isOk());
		assertThat(sourced(attached)).isZero();

		owner.get("/api/v1/accounts/" + account + "/partners").andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT shown_to FROM overlap_shown WHERE account_id = :a AND partner_id = :p")
			.param("a", account)
			.param("p", helper.partnerId())
			.query(Long.class)
			.list()).containsExactly(seller.ae().userId());
		owner
			.post("/api/v1/opportunities/" + asked + "/cosell-requests",
					"{\"partnerId\": " + helper.partnerId() + ", \"ask\": \"An intro to their buyer?\"}")
			.andExpect(status().isCreated());
		assertThat(sourced(asked)).isEqualTo(1);
	}

	private long sourced(long deal) {
		return this.jdbc.sql("SELECT count(*) FROM overlap_sourced_deal WHERE opportunity_id = :deal")
			.param("deal", deal)
			.query(Long.class)
			.single();
	}

	private Long partnerOf(long deal) {
		return this.jdbc.sql("SELECT partner_id FROM opportunity WHERE id = :id")
			.param("id", deal)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, Long.class)))
			.single()
			.orElse(null);
	}

	long direct(long account, long owner) {
		long deal = this.fixtures.partnerDeal(account, owner,
				this.fixtures.world("Direct Deal Placeholder " + account).partnerId(), "40000.00");
		this.jdbc.sql("""
				UPDATE opportunity SET partner_id = NULL, credit_type = NULL, partner_share = NULL, source = 'DIRECT'
				WHERE id = :id
				""").param("id", deal).update();
		return deal;
	}

	private void closed(long deal, String stage) {
		this.jdbc.sql("UPDATE opportunity SET stage = :stage, closed_at = now() WHERE id = :id")
			.param("stage", stage)
			.param("id", deal)
			.update();
	}

	private void trust(long partner, String score) {
		var week = this.calendar.today().minusDays(1);
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, :week, 'FY26-Q4-W9', :week, 'TRUST', :score, :now)
				""")
			.param("partner", partner)
			.param("week", Date.valueOf(week))
			.param("score", new java.math.BigDecimal(score))
			.param("now", Timestamp.from(java.time.Instant.now()))
			.update();
	}

	void list(Fixtures.World partner, String row) throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + partner.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(partner.partnerUser()))
				.contentType(MediaType.valueOf("text/csv"))
				.content("company_name,web_domain,country,status\n" + row + "\n"))
			.andExpect(status().isCreated());
	}

}
