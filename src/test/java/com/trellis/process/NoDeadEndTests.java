package com.trellis.process;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
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

@TrellisTest
class NoDeadEndTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheStagesOwnerGetsChecklistButtonsAndAdvanceTheOthersReadWhoTheDealWaitsOn() throws Exception {
		var world = this.fixtures.world("Dead End Partners");
		var executive = this.fixtures.user(Role.EXECUTIVE);
		for (var viewer : new Viewer[] { world.partnerUser(), executive, world.pam() }) {
			var panel = page("/opportunities/" + world.dealId() + "/process", viewer);
			assertThat(panel).as(viewer.role().name())
				.doesNotContain("id=\"advance\"")
				.doesNotContain("/checklist\"")
				.contains("Waiting on " + world.ae().name() + ", AE");
		}
		var owner = page("/opportunities/" + world.dealId() + "/process", world.ae());
		assertThat(owner).contains("id=\"advance\"").doesNotContain("Waiting on");
	}

	@Test
	void aForbiddenPageKeepsTheNavigationAndAWayBack() throws Exception {
		var world = this.fixtures.world("Forbidden Page Partners");
		var result = this.mvc.perform(get("/incentives/payouts").session(login(world.partnerUser()))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		// MockMvc does not dispatch to the error page; ask for it as the container would
		var html = this.mvc
			.perform(get("/error").session(login(world.partnerUser()))
				.requestAttr("jakarta.servlet.error.status_code", 403)
				.requestAttr("jakarta.servlet.error.request_uri", "/incentives/payouts")
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"error-back\"").contains("Sign out");
	}

	private String page(String url, Viewer viewer) throws Exception {
		return this.mvc.perform(get(url).session(login(viewer))).andReturn().getResponse().getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
