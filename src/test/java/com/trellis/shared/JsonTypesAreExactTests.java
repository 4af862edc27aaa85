package com.trellis.shared;

import com.trellis.identity.Role;
import com.trellis.leads.LeadCommand;
import com.trellis.leads.Leads;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every API reads a value only from its own JSON type: a number in quotes, "true" in
 * quotes, 1 for true, a position for a choice or a single value for a list is refused
 * with a 400 naming the field and what it must be, and nothing changes.
 */
@TrellisTest
class JsonTypesAreExactTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Leads leads;

	@Test
	void aHandOverToAUserIdInQuotesIsRefusedNamingTheFieldAndNothingMoves() throws Exception {
		var world = this.fixtures.world("Exact Types Handover");
		var successor = this.fixtures.user(Role.AE);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));

		admin
			.post("/api/v1/users/" + world.ae().userId() + "/reassign",
					"{\"toUserId\": \"%d\"}".formatted(successor.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toUserId"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be a number")))
			.andExpect(jsonPath("$.detail").value(containsString("toUserId: must be a number")));
		admin.post("/api/v1/users/" + world.ae().userId() + "/reassign", "{\"toUserId\": 5.0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toUserId"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be a number")));

		assertThat(owner(world.accountId())).isEqualTo(world.ae().userId());
	}

	@Test
	void aDealWithQuotedNumbersAndAStageNotInTheListNamesEachFieldWithItsTypeAndTheStages() throws Exception {
		var world = this.fixtures.world("Exact Types Deal");
		long before = this.fixtures.count("opportunity");
		new Api(this.mvc, this.fixtures.token(world.ae())).post("/api/v1/opportunities", """
				{"accountId": "%d", "name": "Exact types deal", "amount": "1000.00", "currency": "USD",
				 "stage": "PROSPECT", "source": 1, "partnerShare": true}
				""".formatted(world.accountId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'accountId')].message")
				.value(hasItem(startsWith("must be a number"))))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'amount')].message").value(hasItem(startsWith("must be a number"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'stage')].message")
				.value(hasItem(startsWith("must be one of REGISTERED, QUALIFIED, JOINT_WORKING, COMMIT"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'source')].message")
				.value(hasItem(startsWith("must be one of DIRECT, PARTNER"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'partnerShare')].message")
				.value(hasItem(startsWith("must be a number"))));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	@Test
	void aLeadAcceptedWithTrueInQuotesOrOneIsRefusedAndStaysUnaccepted() throws Exception {
		var world = this.fixtures.world("Exact Types Lead");
		var lead = this.leads.submit(world.partnerUser(),
				new LeadCommand(null, "Exact Types Lead customer", null, "Jo Buyer", null, null));
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		for (var open : new String[] { "\"false\"", "0", "\"\"" }) {
			rep.post("/api/v1/leads/" + lead.id() + "/accept", "{\"openDeal\": " + open + "}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("openDeal"))
				.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be true or false")));
		}
		// 0 came without quotes: it is told what it must be, not about quotes
		rep.post("/api/v1/leads/" + lead.id() + "/accept", "{\"openDeal\": 0}")
			.andExpect(jsonPath("$.errors[0].message").value("must be true or false"));
		assertThat(this.leads.get(world.ae(), lead.id()).status()).isEqualTo(lead.status());
	}

	@Test
	void aListSentAsOneValueOrAnObjectIsRefusedNamingTheFieldAndTheShape() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.put("/api/v1/activation/template", "{\"key\": \"ONBOARDING_COMPLETE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be a list")));
		admin.post("/api/v1/plays", """
				{"title": "Exact types play", "moment": "DISCOVERY", "role": "AE", "buyer": "CIO",
				 "whyPartner": "They run the platform", "whenToBring": "Before the demo",
				 "problem": "No credible rollout", "partnerTypes": "SI"}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'partnerTypes')].message")
				.value(hasItem(startsWith("must be a list"))));
	}

	@Test
	void aQueryParameterOfTheWrongTypeNamesItAndWhatItMustBe() throws Exception {
		var world = this.fixtures.world("Exact Types Query");
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		rep.get("/api/v1/opportunities?stage=PROSPECT")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stage"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be one of REGISTERED, QUALIFIED")));
		rep.get("/api/v1/opportunities?open=maybe")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("open"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be true or false")));
	}

	private long owner(long accountId) {
		return this.jdbc.sql("SELECT owner_ae_id FROM account WHERE id = :id")
			.param("id", accountId)
			.query(Long.class)
			.single();
	}

}
