package com.trellis.deals;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A prospect or sunset partner joins no deal, as it registers none, sends no lead and
 * asks for no MDF (try76: a vendor's deal named a sunset partner as its source, was won
 * and earned a referral): creating a deal with it, adding it to a deal without a partner
 * and attaching it from the AE view are refused naming {@code partnerId}; a deal the
 * partner is on already keeps it through an edit.
 */
@TrellisTest
class KeptOutPartnerDealTests {

	private static final String DEAL = """
			{"accountId": %d, "name": "%s", "amount": 5000, "currency": "USD", "stage": "QUALIFIED",
			 "closeDate": "2027-02-15", "source": "%s", "partnerId": %d, "creditType": "%s", "partnerShare": 50}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSunsetPartnerIsNamedOnNoNewDealButKeepsTheDealsItIsOn() throws Exception {
		var world = this.fixtures.world("Left Program Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		long mapped = this.fixtures.account("Kept Out Foods", "keptoutfoods.com", world.ae().userId());
		this.mvc
			.perform(post("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
				.contentType(MediaType.valueOf("text/csv"))
				.content("company_name,web_domain,country,status\nKept Out Foods,keptoutfoods.com,US,customer\n"))
			.andExpect(status().isCreated());
		ae.get("/api/v1/accounts/" + mapped + "/partners")
			.andExpect(jsonPath("$[*].partnerId").value(org.hamcrest.Matchers.hasItem((int) world.partnerId())));
		moveTo(world.partnerId(), "SUNSET");
		long deals = this.fixtures.count("opportunity");

		ae.post("/api/v1/opportunities",
				DEAL.formatted(world.accountId(), "Sourced by a former partner", "PARTNER", world.partnerId(),
						"SOURCED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
			.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot join a deal"));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);

		// its deal from before the sunset is still edited with it
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), "Renamed", "PARTNER", world.partnerId(), "SOURCED")
					.replace("\"partnerShare\": 50", "\"partnerShare\": 20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed"));

		// a direct deal does not take it, by an edit or from the AE view
		long direct = ae.post("/api/v1/opportunities", """
				{"accountId": %d, "name": "Direct", "amount": 5000, "currency": "USD", "stage": "QUALIFIED",
				 "closeDate": "2027-02-15", "source": "DIRECT"}
				""".formatted(mapped))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(body -> Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1")));
		ae.put("/api/v1/opportunities/" + direct,
				DEAL.formatted(mapped, "Direct", "DIRECT", world.partnerId(), "INFLUENCED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"));
		ae.post("/api/v1/opportunities/" + direct + "/partner-attachment",
				"{\"partnerId\": " + world.partnerId() + ", \"creditType\": \"CO_SELL\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
			.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot join a deal"));
		assertThat(this.jdbc.sql("SELECT partner_id FROM opportunity WHERE id = ?")
			.param(direct)
			.query(Long.class)
			.optional()).isEmpty();

		// nor is it shown as present at the account, or asked to co-sell
		ae.get("/api/v1/accounts/" + mapped + "/partners")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].partnerId")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) world.partnerId()))));
		ae.post("/api/v1/opportunities/" + direct + "/cosell-requests",
				"{\"partnerId\": " + world.partnerId() + ", \"ask\": \"Join the call\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot co-sell"));
	}

	@Test
	void aProspectJoinsNoDealUntilItIsOnboarded() throws Exception {
		var world = this.fixtures.world("Not Yet Partners");
		moveTo(world.partnerId(), "PROSPECT");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		ae.post("/api/v1/opportunities",
				DEAL.formatted(world.accountId(), "Influenced early", "DIRECT", world.partnerId(), "INFLUENCED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("a prospect partner cannot join a deal"));

		moveTo(world.partnerId(), "ONBOARDING");
		ae.post("/api/v1/opportunities",
				DEAL.formatted(world.accountId(), "Influenced now", "DIRECT", world.partnerId(), "INFLUENCED"))
			.andExpect(status().isCreated());
	}

	private void moveTo(long partnerId, String status) {
		this.jdbc.sql("UPDATE partner SET lifecycle_status = ? WHERE id = ?").params(status, partnerId).update();
	}

}
