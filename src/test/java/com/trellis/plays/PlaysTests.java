package com.trellis.plays;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The play library and plays on deals through the API: the admin writes plays and each
 * edit is a new version, every bad field is named at once and nothing written; the deal's
 * AE, its partner's PAM and the partner attach plays to an open deal, nobody else does,
 * and a partner never sees another partner's deal or its plays.
 */
@TrellisTest
class PlaysTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditIsANewVersionAndADealKeepsTheVersionItUsed() throws Exception {
		var world = this.fixtures.world("Plays Versions");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long play = id(admin.post("/api/v1/plays", play("Land with the SI", "DISCOVERY"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.moment").value("DISCOVERY"))
			.andExpect(jsonPath("$.partnerTypes[0]").value("SI"))
			.andExpect(jsonPath("$.verticals[0]").value("Retail"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		new Api(this.mvc, this.fixtures.token(world.ae()))
			.post("/api/v1/opportunities/" + world.dealId() + "/plays", "{\"playId\": " + play + "}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1));

		admin.put("/api/v1/plays/" + play, play("Land and expand with the SI", "EXPANSION"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.title").value("Land and expand with the SI"));

		admin.get("/api/v1/plays/" + play + "/versions")
			.andExpect(jsonPath("$[*].version").value(containsInAnyOrder(2, 1)))
			.andExpect(jsonPath("$[1].title").value("Land with the SI"));
		admin.get("/api/v1/opportunities/" + world.dealId() + "/plays")
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].version").value(1))
			.andExpect(jsonPath("$[0].title").value("Land with the SI"))
			.andExpect(jsonPath("$[0].partnerId").value((int) world.partnerId()));
	}

	@Test
	void aPlayWithBadFieldsIsRefusedNamingEachInOneAnswerAndNothingIsWritten() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long before = this.fixtures.count("play");
		admin.post("/api/v1/plays", """
				{"title": "", "moment": "CLOSING", "role": "CFO", "buyer": "CIO", "whyPartner": "They know it",
				 "whenToBring": "Early", "problem": "Slow rollout", "partnerTypes": ["SI", "BANK"]}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("title", "moment", "role", "partnerTypes[1]")));
		assertThat(this.fixtures.count("play")).isEqualTo(before);
	}

	@Test
	void theDealsAeItsPartnersPamAndThePartnerAttachPlaysAndNobodyElse() throws Exception {
		var world = this.fixtures.world("Plays Attach");
		var stranger = this.fixtures.world("Plays Stranger");
		long one = play("Play one");
		long two = play("Play two");
		long three = play("Play three");
		String deal = "/api/v1/opportunities/" + world.dealId() + "/plays";

		new Api(this.mvc, this.fixtures.token(stranger.partnerUser())).post(deal, "{\"playId\": \"x\", \"note\": {}}")
			.andExpect(status().isNotFound());
		new Api(this.mvc, this.fixtures.token(stranger.ae())).post(deal, "{\"playId\": " + one + "}")
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(stranger.pam())).post(deal, "{\"playId\": " + one + "}")
			.andExpect(status().isForbidden());

		new Api(this.mvc, this.fixtures.token(world.ae())).post(deal, "{\"playId\": " + one + "}")
			.andExpect(status().isCreated());
		new Api(this.mvc, this.fixtures.token(world.pam())).post(deal, "{\"playId\": " + two + "}")
			.andExpect(status().isCreated());
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.post(deal, "{\"playId\": " + three + ", \"note\": \"Used in the kick-off\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.note").value("Used in the kick-off"));
		new Api(this.mvc, this.fixtures.token(world.ae())).post(deal, "{\"playId\": " + one + "}")
			.andExpect(status().isConflict());
		new Api(this.mvc, this.fixtures.token(world.ae())).post(deal, "{\"playId\": 999999999}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("playId"));

		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get(deal).andExpect(jsonPath("$", hasSize(3)));
		new Api(this.mvc, this.fixtures.token(stranger.partnerUser())).get(deal).andExpect(status().isNotFound());
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM activity_event WHERE partner_id = ? AND type IN ('PLAY_USED', 'OTHER_PLAY_USED')")
			.param(world.partnerId())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aDealWithoutAPartnerSaysAPartnerComesFirstInsteadOfPromisingAFormThatIsNotThere() throws Exception {
		var world = this.fixtures.world("Plays No Partner");
		this.jdbc.sql(
				"UPDATE opportunity SET partner_id = NULL, credit_type = NULL, partner_share = NULL, source = 'DIRECT' WHERE id = :id")
			.param("id", world.dealId())
			.update();
		var session = this.mvc
			.perform(post("/login").param("username", this.fixtures.email(world.ae()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc
			.perform(get("/opportunities/" + world.dealId() + "/plays")
				.session((org.springframework.mock.web.MockHttpSession) session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("attach one of the partners that fit this deal first")))
			.andExpect(content().string(not(containsString("can still be attached below"))));
	}

	@Test
	void aPlayIsNotAttachedToAClosedDeal() throws Exception {
		var world = this.fixtures.world("Plays Closed");
		long one = play("Play on a closed deal");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_LOST', closed_at = created_at WHERE id = ?")
			.param(world.dealId())
			.update();
		new Api(this.mvc, this.fixtures.token(world.ae()))
			.post("/api/v1/opportunities/" + world.dealId() + "/plays", "{\"playId\": " + one + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("opportunityId"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM play_use WHERE opportunity_id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single()).isZero();
	}

	private long play(String title) throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		return id(admin.post("/api/v1/plays", play(title, "OBJECTION"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void aVerticalWrittenTwiceInAnotherCaseIsKeptOnce() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin
			.post("/api/v1/plays",
					play("Twice written", "DISCOVERY").replace("[\"Retail\"]",
							"[\"Retail\", \"retail\", \" RETAIL\", \"Banking\"]"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.verticals", hasSize(2)))
			.andExpect(jsonPath("$.verticals[0]").value("Retail"))
			.andExpect(jsonPath("$.verticals[1]").value("Banking"));
		// a bad item is named at the index sent, as a client writes it (not
		// "verticals[3].<list element>")
		admin
			.post("/api/v1/plays",
					play("Twice written", "DISCOVERY").replace("[\"Retail\"]",
							"[\"Retail\", \"retail\", \" RETAIL\", null]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("verticals[3]")));
	}

	static String play(String title, String moment) {
		return """
				{"title": "%s", "moment": "%s", "role": "AE", "buyer": "The CIO",
				 "whyPartner": "The SI runs the customer's platform", "whenToBring": "Before the technical demo",
				 "problem": "The rollout plan is not credible", "partnerTypes": ["SI"], "verticals": ["Retail"],
				 "capabilities": ["Cloud migration"]}
				""".formatted(title, moment);
	}

	private static long id(String json) {
		return Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

}
