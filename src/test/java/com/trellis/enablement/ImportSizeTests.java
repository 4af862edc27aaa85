package com.trellis.enablement;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A completions import beyond the configured number of rows is refused at once, naming
 * the file, on the API and on the page.
 */
@TrellisTest
class ImportSizeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anImportBeyondTheRowLimitIsRefusedNamingTheFile() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var csv = "email,item,completed_on\n" + "nobody@example.com,AE_FOUNDATIONS,2026-01-01\n".repeat(5001);
		long completions = this.fixtures.count("enablement_completion");

		this.mvc
			.perform(post("/api/v1/enablement/completions/import")
				.header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType("text/csv")
				.content(csv))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("at most 5000")));
		this.mvc.perform(post("/enablement/import").param("csv", csv).session(login(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("at most 5000")));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(completions);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
