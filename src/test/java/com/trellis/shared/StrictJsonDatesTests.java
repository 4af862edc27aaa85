package com.trellis.shared;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A date in a JSON body is read only from its ISO text, in every body.
 */
@TrellisTest
class StrictJsonDatesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSnoozeUntilANumberAnArrayOrAMomentIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
		var world = this.fixtures.world("Strict Dates");
		long id = this.jdbc
			.sql("""
					INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
					    action_link, shown_on, last_seen_on)
					VALUES (:user, :partner, 'STALLED_DEAL', 'strict-dates', 'A deal', 'Why', 'Open', '/', DATE '2026-11-22',
					        DATE '2026-11-22')
					RETURNING id
					""")
			.param("user", world.ae().userId())
			.param("partner", world.partnerId())
			.query(Long.class)
			.single();
		var api = new Api(this.mvc, this.fixtures.token(world.ae()));
		// the test clock's today is 2026-11-22: each would be a day the snooze accepts
		for (var until : new String[] { "5", "[2026,12,5]", "\"2026-12-02T10:00:00Z\"", "{\"day\": 5}", "true" }) {
			api.post("/api/v1/guidance/" + id + "/snooze", "{\"until\": " + until + "}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("until"))
				.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be written as a date such as ")))
				// s56: a moment was told it "is written so, but names no day"
				.andExpect(jsonPath("$.errors[0].message")
					.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("names no day"))));
		}
		// a day written right that the calendar has not is told so (s55)
		api.post("/api/v1/guidance/" + id + "/snooze", "{\"until\": \"2026-11-31\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("names no day")));
		assertThat(state(id)).isEqualTo("OPEN");

		api.post("/api/v1/guidance/" + id + "/snooze", "{\"until\": \"2026-12-05\"}").andExpect(status().isOk());
		assertThat(state(id)).isEqualTo("SNOOZED");
	}

	@Test
	void aRegistrationsCloseDateAsAnArrayIsRefusedNamingTheField() throws Exception {
		var world = this.fixtures.world("Strict Dates Registration");
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.post("/api/v1/registrations", "{\"expectedCloseDate\": [2027, 1, 5]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'expectedCloseDate')].message")
				.value(hasItem(startsWith("must be written as a date such as "))));
	}

	private String state(long id) {
		return this.jdbc.sql("SELECT state FROM guidance_recommendation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
