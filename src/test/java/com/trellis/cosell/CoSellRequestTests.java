package com.trellis.cosell;

import java.time.Duration;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class CoSellRequestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDealsOwnerAsksAPartnerForHelpAndThePartnersAnswerTimeIsMeasured() throws Exception {
		var world = this.fixtures.world("Helpful Partners");
		var helper = this.fixtures.world("Second Opinion Partners");
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		var asked = rep
			.post("/api/v1/opportunities/" + world.dealId() + "/cosell-requests",
					"{\"partnerId\": %d, \"ask\": \"Can your architect join Tuesday's call?\"}"
						.formatted(helper.partnerId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.dealName").value("Fixture deal"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(asked.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		rep.post("/api/v1/opportunities/" + world.dealId() + "/cosell-requests",
				"{\"partnerId\": %d, \"ask\": \"again\"}".formatted(helper.partnerId()))
			.andExpect(status().isConflict());

		this.clock.advance(Duration.ofMinutes(5 * 60 + 15));
		var answer = "/api/v1/cosell-requests/" + id + "/answer";
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post(answer, "{\"accept\": true}")
			.andExpect(status().isNotFound());
		new Api(this.mvc, this.fixtures.token(world.pam())).post(answer, "{\"accept\": true}")
			.andExpect(status().isForbidden());
		var partner = new Api(this.mvc, this.fixtures.token(helper.partnerUser()));
		partner.post(answer, "{\"note\": \"yes\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accept"));
		partner.post(answer, "{\"accept\": true, \"note\": \"Our architect joins\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.responseHours").value(5.3));
		partner.post(answer, "{\"accept\": false}").andExpect(status().isConflict());

		partner.get("/api/v1/cosell-requests")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(id));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/cosell-requests")
			.andExpect(jsonPath("$.items", hasSize(0)));
		rep.get("/api/v1/cosell-requests?status=ACCEPTED").andExpect(jsonPath("$.items[0].id").value(id));
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'cosell-request' AND entity_id = ?")
					.param(String.valueOf(id))
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void whoMayAskIsDecidedBeforeTheBodyIsValidated() throws Exception {
		var world = this.fixtures.world("Guarded Partners");
		var elsewhere = this.fixtures.world("Elsewhere Partners");
		var asks = "/api/v1/opportunities/" + world.dealId() + "/cosell-requests";
		var bad = "{\"partnerId\": %d, \"ask\": \"\"}".formatted(elsewhere.partnerId());
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.AE))).post(asks, bad)
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post(asks, bad).andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.EXECUTIVE))).post(asks, bad)
			.andExpect(status().isForbidden());
		// a PAM asks only partners of their book
		new Api(this.mvc, this.fixtures.token(world.pam())).post(asks, bad).andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.ae())).post(asks, bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ask"));
		new Api(this.mvc, this.fixtures.token(world.ae())).post(asks, "{\"partnerId\": 999999, \"ask\": \"help\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"));
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post(asks, "{\"partnerId\": %d, \"ask\": \"help\"}".formatted(world.partnerId()))
			.andExpect(status().isCreated());
	}

}
