package com.trellis.web;

import java.sql.Timestamp;
import java.time.Clock;

import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A valid request the record's current state refuses is a conflict (409) on every
 * state-moving endpoint, as a registration decided twice is (try-out): a lead routed,
 * accepted or followed up once too often, a claim on an MDF request that was declined, a
 * closed deal advanced, disqualified or called commit. Bad input stays 400, and nothing
 * changes.
 */
@TrellisTest
class StateConflictTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aLeadDecidedOrFollowedUpAlreadyIsAConflict() throws Exception {
		var world = this.fixtures.world("Conflicting Lead Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		var lead = "/api/v1/leads/" + JsonPath.read(partner.post("/api/v1/leads", """
				{"companyName": "Conflicting Lead Freight", "companyDomain": "conflicting-lead-freight.example.com",
				 "contactName": "Ida Conflict"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		var route = "{\"repId\": %d}".formatted(world.ae().userId());
		pam.post(lead + "/route", route).andExpect(status().isOk());
		rep.post(lead + "/accept", "{}").andExpect(status().isOk());
		rep.post(lead + "/follow-up", "{\"type\": \"CALL\"}").andExpect(status().isOk());

		conflict(rep.post(lead + "/accept", "{}"), "status", "the lead was accepted already");
		conflict(rep.post(lead + "/decline", "{\"reason\": \"No budget\"}"), "status", "the lead was accepted already");
		conflict(pam.post(lead + "/route", route), "status", "is not routed again");
		conflict(rep.post(lead + "/follow-up", "{\"type\": \"MEETING\"}"), "followedUpAt", "recorded already");
		// a rep who may not be routed to is bad input, whatever the state
		pam.post(lead + "/route", "{\"repId\": %d}".formatted(world.pam().userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("repId", "status")));
		assertThat(this.jdbc.sql("SELECT status FROM partner_lead WHERE id = ?")
			.param(Long.parseLong(lead.substring(lead.lastIndexOf('/') + 1)))
			.query(String.class)
			.single()).isEqualTo("ACCEPTED");
	}

	@Test
	void aClaimOnADeclinedMdfRequestIsAConflictAndABadClaimStaysBadInput() throws Exception {
		var world = this.fixtures.world("Conflicting Claim Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long declined = this.jdbc.sql("""
				INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
				                         status, requested_by, requested_at)
				VALUES (:partner, 'Trade fair', 100, 'EUR', 1000, 0, 'DECLINED', :by, :now) RETURNING id
				""")
			.param("partner", world.partnerId())
			.param("by", world.partnerUser().userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		long claims = this.fixtures.count("mdf_claim");

		conflict(
				partner.post("/api/v1/mdf-requests/" + declined + "/claims",
						"{\"amount\": 50, \"proof\": \"invoice 12\"}"),
				"status", "the request was declined; only an approved request is claimed");
		partner.post("/api/v1/mdf-requests/" + declined + "/claims", "{\"amount\": 50}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("proof", "status")));
		assertThat(this.fixtures.count("mdf_claim")).isEqualTo(claims);
	}

	@Test
	void aClosedDealIsNotAdvancedDisqualifiedOrCalledCommit() throws Exception {
		var world = this.fixtures.world("Conflicting Closed Deal Partners");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_LOST' WHERE id = ?").param(world.dealId()).update();
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var deal = "/api/v1/opportunities/" + world.dealId();

		conflict(ae.post(deal + "/advance", ""), "stage", "the deal is closed");
		conflict(ae.post(deal + "/disqualify", "{\"reason\": \"Budget gone\"}"), "stage", "the deal is closed");
		conflict(ae.post(deal + "/forecast-call", "{\"commit\": true}"), "opportunityId", "the deal is closed");
		assertThat(this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("CLOSED_LOST");
	}

	private static void conflict(ResultActions answer, String field, String message) throws Exception {
		answer.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
	}

}
