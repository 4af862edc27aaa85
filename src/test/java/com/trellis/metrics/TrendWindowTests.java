package com.trellis.metrics;

import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
 * A KPI's trend is its period and the five equal periods before it; a trend that would
 * reach before the program's earliest date ({@code trellis.dates.earliest}) is refused
 * naming {@code from}, never answered with periods starting in 1315.
 */
@TrellisTest
class TrendWindowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTrendReachingBeforeTheProgramsDatesIsRefusedNamingFromForEveryKpi() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var codes = JsonMapper.builder()
			.build()
			.readValue(api.get("/api/v1/kpis").andReturn().getResponse().getContentAsString(),
					new TypeReference<List<Map<String, Object>>>() {
					})
			.stream()
			.map(k -> (String) k.get("code"))
			.toList();
		assertThat(codes).contains("WIN_RATE", "PARTNER_SOURCED_REVENUE", "FORECAST_ATTAINMENT");
		for (var code : codes) {
			for (var range : List.of("from=1970-01-01&to=2100-12-31", "from=1970-01-01&to=1970-01-31")) {
				api.get("/api/v1/kpis/" + code + "/trend?" + range)
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("from"))
					.andExpect(jsonPath("$.errors[0].message")
						.value(org.hamcrest.Matchers.containsString("before it; the first would start on")));
			}
		}
	}

	@Test
	void aTrendWithinTheProgramsDatesHasSixPeriodsThatStartInIt() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		api.get("/api/v1/kpis/WIN_RATE/trend?from=1970-07-01&to=1970-07-31")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(6))
			.andExpect(jsonPath("$[0].from").value("1970-02-01"));
		// a one-day period one day too early reaches back to 31 December 1969
		api.get("/api/v1/kpis/WIN_RATE/trend?from=1970-01-05&to=1970-01-05").andExpect(status().isBadRequest());
		api.get("/api/v1/kpis/WIN_RATE/trend?from=1970-01-06&to=1970-01-06").andExpect(status().isOk());
	}

	@Test
	void theKpiPagesRefuseSuchATrendInTheLayout() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		for (var url : List.of("/metrics", "/metrics/kpis/WIN_RATE")) {
			var page = this.mvc.perform(get(url + "?from=1970-01-01&to=2100-12-31").session(session))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("from").contains("choose a later from or a shorter period").contains("<nav");
		}
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
