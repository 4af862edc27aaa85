package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The records behind a KPI fill every cell: a record that has no figure of its own (a
 * co-sell deal of the co-sell share, a partner of a count or a rate) says so in words
 * instead of leaving the Value cell empty.
 */
@TrellisTest
class KpiRecordsEveryCellTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyRecordsCellOfEveryKpiHasAValueOrAWordWhyNot() throws Exception {
		var world = this.fixtures.world("Every Cell Partners");
		this.jdbc.sql("UPDATE opportunity SET credit_type = 'CO_SELL' WHERE id = ?").param(world.dealId()).update();
		var admin = signIn(this.fixtures.user(Role.ADMIN));
		for (var code : new String[] { "CO_SELL_SHARE", "ACTIVATED_PARTNERS", "ACTIVE_PARTNER_RATE",
				"PARTNER_RECRUITMENT", "PIPELINE_INFLUENCED", "ENABLEMENT_COMPLETION", "WIN_RATE" }) {
			var page = this.mvc
				.perform(get("/metrics/kpis/" + code + "?slice=PARTNER&sliceValue=" + world.partnerId()).session(admin))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			var table = page.substring(page.indexOf("id=\"records\""));
			table = table.substring(0, table.indexOf("</table>"));
			assertThat(table).as(code).doesNotContainPattern("<td[^>]*>\\s*</td>");
			if (code.equals("CO_SELL_SHARE")) {
				assertThat(table).contains("Fixture deal").contains("no figure: only whether it counts");
			}
		}
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
