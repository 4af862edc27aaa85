package com.trellis.home;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The executive's and the admin's home lead with the quarter in one reporting currency:
 * bookings, forecast commit and best case, partner bookings against target, partner share
 * (issue 13, item 2).
 */
@TrellisTest
class ProgramOutlookHomeTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theExecutiveReadsTheQuartersBookingsAndForecastInTheReportingCurrency() throws Exception {
		var body = home("exec@trellis.demo");
		assertThat(body).contains("id=\"outlook\"")
			.contains("amounts in USD")
			.contains("id=\"outlook-commit\"")
			.contains("id=\"outlook-best\"")
			.contains("id=\"outlook-share\"");
		assertThat(body).containsPattern("id=\"outlook-closed\">[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}<");
		assertThat(home("admin@trellis.demo")).contains("id=\"outlook\"");
	}

	private String home(String email) throws Exception {
		var login = this.mvc.perform(post("/login").param("username", email).param("password", "demo").with(csrf()))
			.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		return this.mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
	}

}
