package com.trellis.deals;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A correction of a closed deal takes the same values a deal does: ISO currencies with a
 * rate, amounts within the maximum and their currency's decimals, plain-text reasons.
 */
@TrellisTest
class DealCorrectionInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCorrectionIsRefusedForTheValuesADealIsRefusedFor() throws Exception {
		var world = closedDeal("Correction Input Partners");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var url = "/api/v1/opportunities/" + world.dealId() + "/correction";
		String[][] refused = { { "100.00", "XTS", "typo", "currency" }, { "100.00", "NOK", "typo", "currency" },
				{ "100.5", "JPY", "typo", "amount" }, { "10000000000000", "USD", "typo", "amount" },
				{ "100.00", "USD", "\\u202e", "reason" }, { "-1", "USD", "typo", "amount" } };
		for (var values : refused) {
			admin.post(url, "{\"amount\": %s, \"currency\": \"%s\", \"reason\": \"%s\"}".formatted((Object[]) values))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(values[3]));
		}
		assertUnchanged(world);
	}

	@Test
	void aCorrectionThatChangesNothingIsRefused() throws Exception {
		var world = closedDeal("Correction Same Partners");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin
			.post("/api/v1/opportunities/" + world.dealId() + "/correction",
					"{\"amount\": 125000.0, \"currency\": \"USD\", \"reason\": \"same again\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		assertUnchanged(world);
	}

	@Test
	void theCorrectionFormRefusesTheSameValues() throws Exception {
		var world = closedDeal("Correction Form Partners");
		var admin = login(this.fixtures.user(Role.ADMIN));
		String[][] refused = { { "100.00", "XTS", "typo", "currency" }, { "100.5", "JPY", "typo", "amount" },
				{ "10000000000000", "USD", "typo", "amount" }, { "100.00", "USD", "\u202e", "reason" } };
		for (var values : refused) {
			this.mvc
				.perform(post("/opportunities/" + world.dealId() + "/correction").param("amount", values[0])
					.param("currency", values[1])
					.param("reason", values[2])
					.session(admin)
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("error", containsStringIgnoringCase(values[3])));
		}
		// failed before: an amount that cannot be read hid the wrong currency and blank
		// reason
		this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/correction").param("amount", "12O.00")
				.param("currency", "XTS")
				.param("reason", " ")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(
					flash().attribute("fieldErrors", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.hasKey("amount"),
							org.hamcrest.Matchers.hasKey("currency"), org.hamcrest.Matchers.hasKey("reason"))));
		assertUnchanged(world);
	}

	private World closedDeal(String partnerName) {
		var world = this.fixtures.world(partnerName);
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON' WHERE id = ?").param(world.dealId()).update();
		return world;
	}

	private void assertUnchanged(World world) {
		assertThat(this.jdbc.sql("SELECT currency || ' ' || round(amount, 2) FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("USD 125000.00");
		assertThat(this.jdbc.sql("SELECT count(*) FROM deal_correction WHERE opportunity_id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single()).isZero();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
