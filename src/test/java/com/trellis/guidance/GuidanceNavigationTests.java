package com.trellis.guidance;

import com.trellis.identity.Role;
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
class GuidanceNavigationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void everyRoleReachesItsGuidanceFromTheNavigationAndTheLinkOpensIt() throws Exception {
		var world = this.fixtures.world("Guidance Navigation");
		var people = new java.util.ArrayList<>(java.util.List.of(world.partnerUser(), world.pam(), world.ae()));
		for (var role : new Role[] { Role.ADMIN, Role.SALES_MANAGER, Role.EXECUTIVE }) {
			people.add(this.fixtures.user(role));
		}
		for (var person : people) {
			var session = login(this.fixtures.email(person));
			var home = person.isPartnerUser() ? "/portal" : "/";
			var page = this.mvc.perform(get(home).session(session)).andReturn().getResponse().getContentAsString();
			assertThat(page).as(person.role() + "'s navigation").contains("<a href=\"/guidance\">Guidance</a>");
			assertThat(this.mvc.perform(get("/guidance").session(session)).andReturn().getResponse().getStatus())
				.as(person.role() + " opens it")
				.isEqualTo(200);
		}
	}

	@Test
	void theUsefulnessLineSaysTodaysDecisionsWithItsApostrophe() {
		assertThat(this.messages.getMessage("guidance.usefulnessAsOf", new Object[] { "1 Dec 2026" },
				java.util.Locale.ENGLISH))
			.isEqualTo("Counted by the daily run of 1 Dec 2026; today's decisions count from tomorrow.");
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
