package com.trellis.process;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Disqualifying a closed deal without a reason is bad input (400) naming the missing
 * reason and, in the same answer, that the deal is closed; with a reason it is a conflict
 * (409). The deal stays as it was (try41: the 400 named the reason alone).
 */
@TrellisTest
class ClosedDealOneRoundTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClosedDealDisqualifiedWithoutAReasonNamesTheReasonAndTheStage() throws Exception {
		var world = this.fixtures.world("One Round Closed Deal Partners");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON' WHERE id = ?").param(world.dealId()).update();
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var deal = "/api/v1/opportunities/" + world.dealId();

		ae.post(deal + "/disqualify", "{\"reason\": \"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("reason", "stage")));
		ae.post(deal + "/disqualify", "{\"reason\": \"Budget gone\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		assertThat(this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("CLOSED_WON");
	}

}
