package com.trellis.deals;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Whom a deal's owner may be named as by whom (s55: an AE opened a deal owned by a rep of
 * another team, landing in that rep's pipeline and forecast, and could then not edit it):
 * an account executive names themselves, a sales manager themselves or their team, an
 * admin anyone; a refusal is a 400 naming {@code ownerId}.
 */
@TrellisTest
class DealOwnerReachTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anAeOwnsTheDealsTheyOpenAndAManagerNamesTheirTeam() throws Exception {
		var world = this.fixtures.world("Owner Reach");
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var report = this.fixtures.user(Role.AE, null, manager.userId());
		var stranger = this.fixtures.user(Role.AE);
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		ae.post("/api/v1/opportunities", deal(world.accountId(), stranger.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		ae.post("/api/v1/opportunities", deal(world.accountId(), world.ae().userId())).andExpect(status().isCreated());
		var lead = new Api(this.mvc, this.fixtures.token(manager));
		var reports = lead.post("/api/v1/opportunities", deal(world.accountId(), report.userId()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long reportsDeal = Long.parseLong(reports.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		// an edit without an owner keeps the deal's (try86: it went to the manager who
		// saved it)
		lead.put("/api/v1/opportunities/" + reportsDeal,
				deal(world.accountId(), report.userId()).replace(", \"ownerId\": " + report.userId(), ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerId").value(report.userId()));
		lead.post("/api/v1/opportunities", deal(world.accountId(), stranger.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.post("/api/v1/opportunities", deal(world.accountId(), stranger.userId()))
			.andExpect(status().isCreated());
		// the page form offers only the owners the viewer may name
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var aeForm = readers.read(readers.signIn(world.ae()), "/opportunities/new");
		assertThat(aeForm).contains("value=\"" + world.ae().userId() + "\"")
			.doesNotContain("value=\"" + stranger.userId() + "\"");
		var managerForm = readers.read(readers.signIn(manager), "/opportunities/new");
		assertThat(managerForm).contains("value=\"" + report.userId() + "\"")
			.doesNotContain("value=\"" + stranger.userId() + "\"");
	}

	private static String deal(long accountId, long ownerId) {
		return """
				{"accountId": %d, "name": "Reach test", "amount": 1000, "currency": "USD", "stage": "REGISTERED",
				 "closeDate": "2027-03-01", "ownerId": %d, "source": "DIRECT"}""".formatted(accountId, ownerId);
	}

}
