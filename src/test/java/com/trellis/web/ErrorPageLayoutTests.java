package com.trellis.web;

import java.util.List;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page that refuses its input answers the 400 page inside the full layout (menu, who is
 * signed in, Sign out), like the 403 and 404 pages; only a write says nothing was saved.
 */
@TrellisTest
class ErrorPageLayoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aBadReadRequestAnswersTheBadRequestPageWithTheNavigationAndWithoutNothingWasSaved() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		for (var url : List.of("/forecast?scope=BOGUS", "/metrics?slice=PAM", "/metrics/kpis/NOPE",
				"/metrics?from=1970-01-01&to=2026-01-01", "/cadence/FY0000-Q1/WEEKLY_CALL/1")) {
			var page = this.mvc.perform(get(url).session(session).accept("text/html"))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(url).contains("Check your input", "Sign out", "href=\"/partners\"");
			assertThat(page).as(url).doesNotContain("Nothing was saved");
		}
	}

	@Test
	void aBadWriteStillSaysNothingWasSavedInsideTheLayout() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var page = this.mvc
			.perform(post("/process/stages/QUALIFIED").session(session)
				.with(csrf())
				.accept("text/html")
				.param("name", "Qualify")
				.param("ownerRole", "AE")
				.param("exitCriterion", "Budget confirmed")
				.param("normDays", "abc"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsIgnoringCase("nothing was saved").contains("normDays", "Sign out");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
