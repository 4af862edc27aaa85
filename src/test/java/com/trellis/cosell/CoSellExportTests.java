package com.trellis.cosell;

import java.time.Duration;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The co-sell request list exports as CSV with its status filter, each side seeing the
 * list's rows only: the partner asked its requests, another partner none.
 */
@TrellisTest
class CoSellExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	CoSellRequests requests;

	@Test
	void eachSideExportsTheRequestsItsListShowsWithTheAnswerAndItsHours() throws Exception {
		var world = this.fixtures.world("Export Co-sell Owners");
		var helper = this.fixtures.world("Export Co-sell Helpers");
		var asked = this.requests.request(world.ae(), world.dealId(),
				new RequestCoSell(helper.partnerId(), "Join the security review, please"));
		this.clock.advance(Duration.ofMinutes(2 * 60 + 30));
		this.requests.answer(helper.partnerUser(), asked.id(), new AnswerCoSell(true, "Our architect joins"));
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);

		var helpers = export(readers.signIn(helper.partnerUser()), "/cosell/export.csv");
		assertThat(helpers.lines().toList().get(0)).isEqualTo("\uFEFF" + String.join(",", CoSellExport.HEADER));
		assertThat(helpers.lines()).hasSize(2);
		assertThat(helpers)
			.contains(asked.id() + "," + world.dealId() + ",Fixture deal," + helper.partnerId()
					+ ",Export Co-sell Helpers,")
			.contains("Join the security review,", ",ACCEPTED,", "Our architect joins,2.5");
		assertThat(export(readers.signIn(world.partnerUser()), "/cosell/export.csv").lines()).hasSize(1);

		var rep = readers.signIn(world.ae());
		assertThat(export(rep, "/cosell/export.csv?status=ACCEPTED")).contains("Our architect joins");
		assertThat(export(rep, "/cosell/export.csv?status=OPEN").lines()).hasSize(1);
		assertThat(Readers.read(this.mvc, rep, "/cosell?status=ACCEPTED"))
			.contains("href=\"/cosell/export.csv?status=ACCEPTED\"");
		this.mvc.perform(get("/cosell/export.csv?status=MAYBE").session(rep)).andExpect(status().isBadRequest());
	}

	private String export(MockHttpSession session, String url) throws Exception {
		return Readers.csv(this.mvc, session, url);
	}

}
