package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner user's KPIs never carry the whole program's figures: the shares whose
 * denominator is every partner's deals with the vendor's (pipeline contribution sourced
 * and influenced, co-sell share) show the partner its numerator only, with the reason, in
 * the figures and in their trend; vendor staff see the share and its denominator.
 */
@TrellisTest
class ProgramShareKpiTests {

	private static final String Q = "from=2026-10-01&to=2026-12-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPartnerUserSeesItsNumeratorNotTheShareOfTheWholeProgram() throws Exception {
		var world = this.fixtures.world("Program Share Partner");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (var code : ProgramShares.CODES) {
			var path = "$[?(@.code == '" + code + "')]";
			partner.get("/api/v1/kpis?" + Q)
				.andExpect(status().isOk())
				.andExpect(jsonPath(path + ".value").value(org.hamcrest.Matchers.contains((Object) null)))
				.andExpect(jsonPath(path + ".denominator").value(org.hamcrest.Matchers.contains((Object) null)))
				.andExpect(jsonPath(path + ".numerator").value(org.hamcrest.Matchers.hasSize(1)))
				.andExpect(jsonPath(path + ".reason").value(org.hamcrest.Matchers.contains(ProgramShares.HIDDEN)));
			var trend = partner.get("/api/v1/kpis/" + code + "/trend?" + Q)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(trend).as(code)
				.contains("\"value\":null", "\"reason\":\"" + ProgramShares.HIDDEN + "\"")
				.doesNotContain("\"value\":0", "\"value\":1");
			admin.get("/api/v1/kpis?" + Q)
				.andExpect(status().isOk())
				.andExpect(jsonPath(path + ".denominator")
					.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
		}
		// the other KPIs are the partner's own, as before
		partner.get("/api/v1/kpis?" + Q)
			.andExpect(jsonPath("$[?(@.code == 'PARTNER_SOURCED_REVENUE')].value")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
	}

}
