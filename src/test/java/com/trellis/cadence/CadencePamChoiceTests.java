package com.trellis.cadence;

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
 * The cadence page's PAM choice as an admin uses it (found trying the page in a browser):
 * the previous and next quarter keep the PAM chosen (they fell back to every PAM), and an
 * unknown PAM is refused naming the field as the page labels it ("PAM", not "Pam").
 */
@TrellisTest
class CadencePamChoiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void thePreviousAndNextQuarterKeepThePamChosen() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));
		var pam = this.fixtures.user(Role.PAM);
		var page = this.mvc
			.perform(get("/cadence").param("quarter", "2026-Q3").param("pam", "" + pam.userId()).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/cadence?quarter=2026-Q2&amp;pam=" + pam.userId() + "\"",
				"href=\"/cadence?quarter=2026-Q4&amp;pam=" + pam.userId() + "\"");
		var everyPam = this.mvc.perform(get("/cadence").param("quarter", "2026-Q3").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(everyPam).contains("href=\"/cadence?quarter=2026-Q2\"", "href=\"/cadence?quarter=2026-Q4\"");
	}

	/**
	 * try02: an empty quarter (a form's blank field) answered 400; it is the current one.
	 */
	@Test
	void anEmptyQuarterIsTheCurrentOne() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));
		var current = this.mvc.perform(get("/cadence").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("quarter");
		this.mvc.perform(get("/cadence").param("quarter", "").session(admin))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attribute("quarter", current));
	}

	@Test
	void anUnknownPamIsRefusedNamingThePam() throws Exception {
		var page = this.mvc
			.perform(get("/cadence").param("pam", "999999999").session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-field=\"pam\"><strong>PAM</strong>");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
