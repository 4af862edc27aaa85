package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A program setting saved from a stale page or with an old ETag is refused and changes
 * nothing (s72, left alone since s68): two admins open the same settings form, the first
 * saves, the second's save of what they saw no longer undoes the first's change without a
 * word. The page says so and shows the current values; the API answers 412 naming
 * If-Match. A save that names no version is not checked, as before.
 */
@TrellisTest
class SettingVersionTests {

	private static final String THRESHOLDS = """
			{"tier1Readiness": %d, "tier1Behaviour": 55, "tier1Trust": 45, "tier2Readiness": 20,
			 "tier2Behaviour": 30, "tier2Trust": 15, "weeksHeld": 3}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tierThresholdsSavedFromAStalePageOrWithAnOldETagAreRefused() throws Exception {
		var first = login(this.fixtures.user(Role.ADMIN));
		var second = login(this.fixtures.user(Role.ADMIN));
		String seen = hidden(first, "/tiers");
		assertThat(hidden(second, "/tiers")).isEqualTo(seen);

		saveThresholds(first, seen, "61");
		var stale = saveThresholds(second, seen, "41");

		assertThat(t1Readiness()).isEqualTo(61);
		assertThat(stale.andReturn().getFlashMap().get("error").toString()).contains("Version: a newer save of",
				"tier thresholds", "nothing was saved");
		var shown = this.mvc.perform(get("/tiers").session(second).flashAttrs(stale.andReturn().getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("name=\"tier1Readiness\" value=\"61\"");

		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		String tag = api(get("/api/v1/tiers/thresholds"), token, null).andReturn().getResponse().getHeader("ETag");
		assertThat(tag).isEqualTo("\"" + hidden(first, "/tiers") + "\"");
		api(put("/api/v1/tiers/thresholds").content(THRESHOLDS.formatted(52)), token, tag).andExpect(status().isOk());
		api(put("/api/v1/tiers/thresholds").content(THRESHOLDS.formatted(47)), token, tag)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(t1Readiness()).isEqualTo(52);
		// unchecked without a version, as before
		api(put("/api/v1/tiers/thresholds").content(THRESHOLDS.formatted(45)), token, null).andExpect(status().isOk());
		saveThresholds(second, null, "45");
		assertThat(t1Readiness()).isEqualTo(45);
	}

	@Test
	void aThresholdFormCorrectedAfterABadValueStillNamesTheVersionItWasOpenedOn() throws Exception {
		var first = login(this.fixtures.user(Role.ADMIN));
		var second = login(this.fixtures.user(Role.ADMIN));
		String seen = hidden(second, "/tiers");
		var refused = saveThresholds(second, seen, "abc").andReturn();
		saveThresholds(first, hidden(first, "/tiers"), "62");

		var shown = this.mvc.perform(get("/tiers").session(second).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("name=\"version\" value=\"" + seen + "\"");
		saveThresholds(second, seen, "44");
		assertThat(t1Readiness()).isEqualTo(62);
		saveThresholds(second, null, "45");
	}

	@Test
	void costRatesSavedFromAStalePageOrWithAnOldETagAreRefused() throws Exception {
		var first = login(this.fixtures.user(Role.ADMIN));
		var second = login(this.fixtures.user(Role.ADMIN));
		var before = this.jdbc.sql("""
				SELECT pam_cost_per_partner AS pam, pam_currency AS "pamCurrency", enablement_hour_cost AS hour,
				       enablement_currency AS "hourCurrency" FROM roi_cost_rate WHERE id = 1""").query().singleRow();
		String seen = hidden(first, "/roi");
		assertThat(hidden(second, "/roi")).isEqualTo(seen);

		saveRates(first, seen, "1200.00");
		var stale = saveRates(second, seen, "900.00").andReturn();

		assertThat(pamCost()).isEqualTo("1200.00");
		assertThat(stale.getFlashMap().get("error").toString()).contains("a newer save of the cost rates",
				"nothing was saved");
		var shown = this.mvc.perform(get("/roi").session(second).flashAttrs(stale.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("a newer save of the cost rates").contains("value=\"1200.00\"");
		// a bad value shown again keeps the version it was opened on
		var typo = this.mvc
			.perform(post("/roi/cost-rates").session(second)
				.with(csrf())
				.param("version", seen)
				.param("pamCostPerPartner", "abc")
				.param("pamCurrency", "USD")
				.param("enablementHourCost", "50.00")
				.param("enablementCurrency", "USD"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(typo).contains("name=\"version\" value=\"" + seen + "\"");

		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		String tag = api(get("/api/v1/roi/cost-rates"), token, null).andReturn().getResponse().getHeader("ETag");
		assertThat(tag).isEqualTo("\"" + hidden(first, "/roi") + "\"");
		String rates = """
				{"pamCostPerPartner": %s, "pamCurrency": "USD", "enablementHourCost": 50.00,
				 "enablementCurrency": "USD"}""";
		api(put("/api/v1/roi/cost-rates").content(rates.formatted("1300.00")), token, tag).andExpect(status().isOk());
		api(put("/api/v1/roi/cost-rates").content(rates.formatted("800.00")), token, tag)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(pamCost()).isEqualTo("1300.00");
		this.jdbc.sql("""
				UPDATE roi_cost_rate SET pam_cost_per_partner = :pam, pam_currency = :pamCurrency,
				       enablement_hour_cost = :hour, enablement_currency = :hourCurrency WHERE id = 1""")
			.params(before)
			.update();
	}

	@Test
	void anIdealCustomerProfileSavedFromAStalePageOrWithAnOldETagIsRefused() throws Exception {
		var before = this.jdbc.sql("SELECT count(*) FROM guidance_icp").query(Long.class).single() == 0 ? null
				: this.jdbc.sql("SELECT industries, employee_bands, countries FROM guidance_icp").query().singleRow();
		var first = login(this.fixtures.user(Role.ADMIN));
		var second = login(this.fixtures.user(Role.ADMIN));
		String seen = hidden(first, "/guidance/icp");

		saveIcp(first, seen, "Retail").andExpect(status().is3xxRedirection());
		var stale = saveIcp(second, seen, "Banking").andExpect(status().is3xxRedirection()).andReturn();
		assertThat(industries()).isEqualTo("{Retail}");
		var shown = this.mvc.perform(get("/guidance/icp").session(second).flashAttrs(stale.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("a newer save of the ideal customer profile", "nothing was saved")
			.contains(">Retail</textarea>");
		// a bad value shown again keeps the version it was opened on
		var typo = saveIcp(second, seen, "Retail\n" + "x".repeat(200)).andReturn().getResponse().getContentAsString();
		assertThat(typo).contains("name=\"version\" value=\"" + seen + "\"");

		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		String tag = api(get("/api/v1/guidance/icp"), token, null).andReturn().getResponse().getHeader("ETag");
		String body = """
				{"industries": ["%s"], "employeeBands": [], "countries": []}""";
		api(put("/api/v1/guidance/icp").content(body.formatted("Energy")), token, tag).andExpect(status().isOk());
		api(put("/api/v1/guidance/icp").content(body.formatted("Mining")), token, tag)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(industries()).isEqualTo("{Energy}");
		if (before == null) {
			this.jdbc.sql("DELETE FROM guidance_icp").update();
		}
		else {
			this.jdbc
				.sql("UPDATE guidance_icp SET industries = :industries, employee_bands = :employee_bands, "
						+ "countries = :countries")
				.params(before)
				.update();
		}
	}

	@Test
	void aCohortsJourneyCriteriaSavedFromAStalePageOrWithAnOldETagAreRefused() throws Exception {
		var world = this.fixtures.world("Versioned Cohort");
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var created = api(post("/api/v1/cohorts").content("""
				{"name": "Versioned cohort", "partnerIds": [%d]}""".formatted(world.partnerId())), token, null)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		var first = login(this.fixtures.user(Role.ADMIN));
		var second = login(this.fixtures.user(Role.ADMIN));
		String seen = hidden(first, "/cohorts/" + id);

		saveCriteria(first, id, seen, "3");
		var stale = saveCriteria(second, id, seen, "7").andReturn();
		assertThat(ownDeals(id)).isEqualTo(3);
		var shown = this.mvc.perform(get("/cohorts/" + id).session(second).flashAttrs(stale.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("a newer save of this cohort&#39;s journey criteria", "nothing was saved");

		String url = "/api/v1/cohorts/" + id + "/journey-criteria";
		String tag = api(get(url), token, null).andReturn().getResponse().getHeader("ETag");
		String body = """
				{"stage":"ACTIVATION","minEnablement180":0,"minDeals180":%d,"minWins365":0,"minAeInvites365":0}""";
		api(put(url).content(body.formatted(4)), token, tag).andExpect(status().isOk());
		api(put(url).content(body.formatted(9)), token, tag).andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(ownDeals(id)).isEqualTo(4);
		// the program's criteria answer their own version
		assertThat(
				api(get("/api/v1/cohorts/journey-criteria"), token, null).andReturn().getResponse().getHeader("ETag"))
			.matches("\"\\d+\"");
	}

	private ResultActions saveCriteria(MockHttpSession session, long cohortId, String version, String minDeals)
			throws Exception {
		return this.mvc
			.perform(post("/cohorts/" + cohortId + "/journey-criteria").session(session)
				.with(csrf())
				.param("version", version)
				.param("stage", "ACTIVATION")
				.param("minEnablement180", "0")
				.param("minDeals180", minDeals)
				.param("minWins365", "0")
				.param("minAeInvites365", "0"))
			.andExpect(status().is3xxRedirection());
	}

	private int ownDeals(long cohortId) throws Exception {
		return api(get("/api/v1/cohorts/" + cohortId + "/journey-criteria"),
				this.fixtures.token(this.fixtures.user(Role.ADMIN)), null)
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*\"stage\":\"ACTIVATION\"[^}]*\"minDeals180\":(\\d+).*", "$1")
			.transform(Integer::parseInt);
	}

	private ResultActions saveIcp(MockHttpSession session, String version, String industries) throws Exception {
		return this.mvc.perform(post("/guidance/icp").session(session)
			.with(csrf())
			.param("version", version)
			.param("industries", industries)
			.param("countries", ""));
	}

	private String industries() {
		return this.jdbc.sql("SELECT industries::text FROM guidance_icp").query(String.class).single();
	}

	private ResultActions saveRates(MockHttpSession session, String version, String pamCost) throws Exception {
		return this.mvc
			.perform(post("/roi/cost-rates").session(session)
				.with(csrf())
				.param("version", version)
				.param("pamCostPerPartner", pamCost)
				.param("pamCurrency", "USD")
				.param("enablementHourCost", "50.00")
				.param("enablementCurrency", "USD"))
			.andExpect(status().is3xxRedirection());
	}

	private String pamCost() {
		return this.jdbc.sql("SELECT pam_cost_per_partner FROM roi_cost_rate WHERE id = 1")
			.query(java.math.BigDecimal.class)
			.single()
			.setScale(2)
			.toPlainString();
	}

	private ResultActions saveThresholds(MockHttpSession session, String version, String t1Readiness) throws Exception {
		var request = post("/tiers/thresholds").session(session)
			.with(csrf())
			.param("tier1Readiness", t1Readiness)
			.param("tier1Behaviour", "55")
			.param("tier1Trust", "45")
			.param("tier2Readiness", "20")
			.param("tier2Behaviour", "30")
			.param("tier2Trust", "15")
			.param("weeksHeld", "3");
		if (version != null) {
			request.param("version", version);
		}
		return this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private int t1Readiness() {
		return this.jdbc.sql("SELECT t1_readiness FROM tier_policy WHERE id = 1").query(Integer.class).single();
	}

	/** The hidden version field of the (first) settings form on a page. */
	private String hidden(MockHttpSession session, String path) throws Exception {
		var page = this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
		var matcher = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(matcher.find()).as("a version field on " + path).isTrue();
		return matcher.group(1);
	}

	private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String token, String ifMatch) throws Exception {
		request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.mvc.perform(request);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
