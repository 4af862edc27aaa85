package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPI breakdown is picked from what exists: a PAM, partner or tier typed by its name,
 * or an id that names nothing, is refused naming {@code sliceValue}, never a server error
 * and never a page of silent zeros.
 */
@TrellisTest
class SlicePickerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPamPartnerOrTierTypedByNameIsRefusedNamingTheSliceValueOnEveryKpiPage() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		for (var page : new String[] { "/metrics", "/metrics/funnel", "/metrics/kpis/WIN_RATE" }) {
			for (var query : new String[] { "slice=PAM&sliceValue=Priya Patel", "slice=PARTNER&sliceValue=Northwind",
					"slice=TIER&sliceValue=Tier 1", "slice=PAM&sliceValue=2147483647",
					"slice=PARTNER&sliceValue=999999999999999999", "slice=COHORT&sliceValue=2147483647",
					"slice=REGION&sliceValue=Atlantis", "slice=VERTICAL&sliceValue=nothing-like-it",
					"slice=NOPE&sliceValue=1" }) {
				var body = this.mvc.perform(get(page + "?" + query).session(session))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(body).as(page + "?" + query).containsAnyOf("sliceValue", "slice");
			}
		}
	}

	@Test
	void theApiRefusesASliceValueThatNamesNothing() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		api.get("/api/v1/kpis?slice=TIER&sliceValue=Tier 1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		api.get("/api/v1/kpis?slice=PAM&sliceValue=2147483647")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		api.get("/api/v1/kpis?slice=TIER&sliceValue=TIER_1_INVEST").andExpect(status().isOk());
	}

	@Test
	void thePickerListsThePamsPartnersAndTiersThatExistByTheirNames() throws Exception {
		var world = this.fixtures.world("Northwind Picker");
		var body = this.mvc.perform(get("/metrics").session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("<option value=\"" + world.pam().userId() + "\">" + world.pam().name() + "</option>")
			.contains("<option value=\"" + world.partnerId() + "\">Northwind Picker</option>")
			.contains("<option value=\"TIER_1_INVEST\">Tier 1 (invest)</option>");
		this.mvc
			.perform(get("/metrics?slice=PARTNER&sliceValue=" + world.partnerId())
				.session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isOk());
	}

	@Test
	void aPamPicksOnlyAmongThePartnersOfTheirBook() throws Exception {
		var mine = this.fixtures.world("Picker Mine");
		var theirs = this.fixtures.world("Picker Theirs");
		var body = this.mvc.perform(get("/metrics").session(login(mine.pam())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(">Picker Mine</option>").doesNotContain(">Picker Theirs</option>");
		assertThat(theirs.partnerId()).isPositive();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
