package com.trellis.home;

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

/**
 * The AE's home lists the deals whose stage the AE owns and whose exit checklist is still
 * open (issue 13, item 2); another AE does not see them.
 */
@TrellisTest
class ChecklistQueueTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAeSeesTheDealsWaitingOnTheirStageChecklistOnTheirHomePage() throws Exception {
		var world = this.fixtures.world("Checklist Queue Partners");
		var stage = this.jdbc
			.sql("SELECT code FROM stage_definition WHERE owner_role = 'AE' AND cardinality(checklist) > 0 "
					+ "AND code NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY position LIMIT 1")
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE opportunity SET stage = :stage WHERE id = :id")
			.param("stage", stage)
			.param("id", world.dealId())
			.update();
		var dealName = this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single();
		var mine = home(world.ae());
		assertThat(mine).contains("id=\"queue-checklists\"").contains("/opportunities/" + world.dealId() + "\"");
		assertThat(home(this.fixtures.user(Role.AE))).doesNotContain("/opportunities/" + world.dealId() + "\"");
		assertThat(dealName).isNotBlank();
	}

	private String home(Viewer viewer) throws Exception {
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		return this.mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
	}

}
