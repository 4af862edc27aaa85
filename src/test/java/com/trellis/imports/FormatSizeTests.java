package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Trellis-format file beyond the configured number of rows is refused at once, naming
 * the file, on the API and on the page (such files are planned in memory); the retired
 * completions form sends its poster to the Trellis formats page and imports nothing.
 */
@TrellisTest
class FormatSizeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aFormatFileBeyondTheRowLimitIsRefusedNamingTheFile() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var csv = "email,item,completed_on\n" + "nobody@example.com,AE-101,2026-01-01\n".repeat(50_001);
		var file = new MockMultipartFile("file", "completions.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		long completions = this.fixtures.count("enablement_completion");

		this.mvc
			.perform(multipart("/api/v1/imports/trellis/completions").file(file)
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("at most 50000")));
		var page = this.mvc
			.perform(multipart("/imports/trellis").file(file)
				.param("format", "completions")
				.param("action", "import")
				.session(login(admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn();
		var report = (FormatReport) page.getModelAndView().getModel().get("report");
		assertThat(report.errors()).singleElement()
			.satisfies(error -> assertThat(error.field() + ": " + error.message()).startsWith("file: ")
				.contains("at most 50000"));
		assertThat(this.fixtures.count("enablement_completion")).isEqualTo(completions);
	}

	@Test
	void theRetiredCompletionsFormSendsItsPosterToTheFormatsPageAndImportsNothing() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long completions = this.fixtures.count("enablement_completion");
		this.mvc
			.perform(post("/enablement/import").param("csv", "email,item,completed_on\nx@y.example,AE-101,2026-01-01\n")
				.session(login(admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/imports/trellis?format=completions"))
			.andExpect(flash().attribute("error", containsString("Nothing imported")));
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
