package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A whole number beyond its Java type is told its field's own bound, as a number that
 * fits but breaks it is, whichever way the form is read: a form read field by field
 * ({@code FormFields}, the stage form) and a list body of the API (try68b: the range of
 * an int, or "must be a whole number" of digits). Nothing is saved.
 */
@TrellisTest
class WholeNumberBoundsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStageNormBeyondAnIntIsToldItsBoundOnTheFormAndTheApi() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		var stages = this.jdbc.sql("SELECT name || ':' || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list();
		for (var typed : new String[][] { { "99999999999", "must be less than or equal to 365" },
				{ "366", "must be less than or equal to 365" },
				{ "-99999999999", "must be greater than or equal to 1" } }) {
			var page = this.mvc
				.perform(post("/process/stages/QUALIFIED").session(session)
					.with(csrf())
					.param("name", "Qualify")
					.param("ownerRole", "AE")
					.param("exitCriterion", "Budget confirmed")
					.param("checklist", "Budget confirmed")
					.param("normDays", typed[0])
					.param("active", "true"))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(typed[0])
				.contains(typed[1])
				.contains("name=\"normDays\" value=\"" + typed[0] + "\" aria-invalid=\"true\"");
			api.put("/api/v1/process/stages",
					"""
							[{"code":"QUALIFIED","position":2,"name":"Qualify","ownerRole":"AE","exitCriterion":"Budget confirmed",
							  "checklist":["Budget confirmed"],"normDays":%s,"active":true}]"""
						.formatted(typed[0]))
				.andExpect(status().isBadRequest())
				// named alike whether it could not be read or broke the bound (try69:
				// "[0].normDays" against "stages[0].normDays")
				.andExpect(jsonPath("$.errors[0].field").value("stages[0].normDays"))
				.andExpect(jsonPath("$.errors[0].message").value(typed[1]));
		}
		assertThat(this.jdbc.sql("SELECT name || ':' || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list()).isEqualTo(stages);
		// a norm an int holds saves (try69b: every norm was told the int's range)
		var qualified = this.jdbc
			.sql("SELECT name, owner_role, exit_criterion, norm_days, array_to_string(checklist, chr(10)), active "
					+ "FROM stage_definition WHERE code = 'QUALIFIED'")
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6).startsWith("t") ? "true" : "false" })
			.single();
		this.mvc
			.perform(post("/process/stages/QUALIFIED").session(session)
				.with(csrf())
				.param("name", qualified[0])
				.param("ownerRole", qualified[1])
				.param("exitCriterion", qualified[2])
				.param("normDays", qualified[3])
				.param("checklist", qualified[4])
				.param("active", qualified[5]))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT name || ':' || norm_days FROM stage_definition ORDER BY code")
			.query(String.class)
			.list()).isEqualTo(stages);
	}

	/**
	 * The cohort criteria form reads every whole number, however many digits, for the
	 * criteria's bounds to judge (try69: 1234567890 and 99999999999 were "must be a whole
	 * number").
	 */
	@Test
	void aCohortCriterionOfManyDigitsIsToldItsBound() throws Exception {
		var world = this.fixtures.world("Many digits cohort partner");
		var admin = this.fixtures.user(Role.ADMIN);
		var created = new Api(this.mvc, this.fixtures.token(admin))
			.post("/api/v1/cohorts",
					"{\"name\": \"Many digits partners\", \"partnerIds\": [%d]}".formatted(world.partnerId()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		for (var typed : new String[] { "1234567890", "99999999999" }) {
			var flash = this.mvc
				.perform(post("/cohorts/" + id + "/journey-criteria").session(session)
					.with(csrf())
					.param("stage", "ACTIVATION")
					.param("minEnablement180", "0")
					.param("minDeals180", typed)
					.param("minWins365", "0")
					.param("minAeInvites365", "0"))
				.andReturn()
				.getFlashMap()
				.get("fieldErrors");
			assertThat(flash).as(typed)
				.isEqualTo(java.util.Map.of("minDeals180", "must be less than or equal to 1000"));
			// the page marks the field it names (try69: the inputs were never marked)
			assertThat(com.trellis.support.Readers.read(this.mvc, session, "/cohorts/" + id))
				.containsPattern("name=\"minDeals180\"[^>]*value=\"" + typed + "\"[^>]*aria-invalid=\"true\"")
				.doesNotContainPattern("name=\"minWins365\"[^>]*aria-invalid");
		}
	}

	/**
	 * Tier thresholds, whose ranges their command checks in code, are told those ranges
	 * for a number beyond an int too, on the API with every other bad field, and on the
	 * page form (try69: the range of an int, and weeksHeld was not named beside two
	 * unreadable fields).
	 */
	@Test
	void tierThresholdsBeyondAnIntAreToldTheirRangeWithEveryOtherBadField() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var api = new Api(this.mvc, this.fixtures.token(admin));
		var before = api.get("/api/v1/tiers/thresholds").andReturn().getResponse().getContentAsString();
		api.put("/api/v1/tiers/thresholds", """
				{"tier1Readiness": 99999999999, "tier1Behaviour": 60, "tier1Trust": 50, "tier2Readiness": 30,
				 "tier2Behaviour": "x", "tier2Trust": 30, "weeksHeld": 0}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.containsInAnyOrder("tier1Readiness", "tier2Behaviour", "weeksHeld")))
			.andExpect(jsonPath("$.errors[?(@.field == 'tier1Readiness')].message")
				.value("must be a whole number from 0 to 100"))
			.andExpect(jsonPath("$.errors[?(@.field == 'weeksHeld')].message")
				.value("must be a whole number of weeks from 1 to 26"));
		var flash = this.mvc
			.perform(post("/tiers/thresholds")
				.session(new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin))
				.with(csrf())
				.param("tier1Readiness", "70")
				.param("tier1Behaviour", "60")
				.param("tier1Trust", "50")
				.param("tier2Readiness", "30")
				.param("tier2Behaviour", "30")
				.param("tier2Trust", "30")
				.param("weeksHeld", "-99999999999"))
			.andReturn()
			.getFlashMap()
			.get("fieldErrors");
		assertThat(flash).isEqualTo(java.util.Map.of("weeksHeld", "must be a whole number of weeks from 1 to 26"));
		assertThat(api.get("/api/v1/tiers/thresholds").andReturn().getResponse().getContentAsString())
			.isEqualTo(before);
	}

}
