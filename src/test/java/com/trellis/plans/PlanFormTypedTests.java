package com.trellis.plans;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The new account plan form refused keeps what was typed and marks the bad field (try-out
 * s52: ten fields typed, one goal wrong, and the form came back collapsed and empty).
 */
@TrellisTest
class PlanFormTypedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedNewPlanComesBackAsTypedWithItsFieldMarked() throws Exception {
		var world = this.fixtures.world("Typed Plan Partners");
		var session = this.readers().signIn(world.pam());
		// without a refused form the form is empty, with its default currency
		assertThat(
				this.mvc.perform(get("/account-plans").session(session)).andReturn().getResponse().getContentAsString())
			.contains("name=\"currency\" value=\"USD\"");
		long before = this.fixtures.count("account_plan");
		var sent = this.mvc
			.perform(post("/account-plans").session(session)
				.with(csrf())
				.param("partnerId", String.valueOf(world.partnerId()))
				.param("accountId", String.valueOf(world.accountId()))
				.param("title", "Expansion at the typed account")
				.param("pipelineGoal", "120000")
				.param("revenueGoal", "abc")
				.param("currency", "EUR")
				.param("startsOn", "2026-01-01")
				.param("endsOn", "2026-12-31")
				.param("vendorOwnerId", String.valueOf(world.ae().userId()))
				.param("partnerContactId", String.valueOf(world.partnerUser().userId())))
			.andReturn();
		assertThat(this.fixtures.count("account_plan")).isEqualTo(before);
		var page = this.mvc.perform(get("/account-plans").session(session).flashAttrs(sent.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"Expansion at the typed account\"", "value=\"120000\"", "value=\"abc\"",
				"value=\"EUR\"", "value=\"2026-12-31\"");
		assertThat(page).containsPattern("name=\"revenueGoal\"[^>]*><small class=\"error\">");
		assertThat(page).contains("<details open=\"open\"");
	}

	private Readers readers() {
		return new Readers(this.mvc, this.jdbc, this.fixtures);
	}

}
