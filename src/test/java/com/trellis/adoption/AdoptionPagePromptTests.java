package com.trellis.adoption;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pipeline review offers "Prompt the rep" only to whom a prompt is allowed: the
 * demo's sales manager sees the button on the review, the admin sees the same review
 * without it (a prompt from the admin is refused with 403).
 */
@TrellisTest
class AdoptionPagePromptTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theAdminReadsTheReviewWithoutPromptButtonsTheSalesManagerHasThem() throws Exception {
		// whether a review line could be prompted depends on the shared data: the page's
		// permission is asserted, and the admin's page never holds a prompt form
		var admin = page(signIn("admin@trellis.demo"), false);
		page(signIn("manager@trellis.demo"), true);
		assertThat(admin).contains("id=\"review\"").doesNotContain("action=\"/adoption/prompts\"");
	}

	/**
	 * The review is a table a reader can read: a header row naming each column, and no
	 * empty cell (a deal without a partner, or a line without a prompt, says so); the
	 * action column only for whom may prompt.
	 */
	@Test
	void everyColumnOfTheReviewIsNamedAndNoCellIsEmpty() throws Exception {
		var admin = review(page(signIn("admin@trellis.demo"), false));
		var manager = review(page(signIn("manager@trellis.demo"), true));
		assertThat(admin).contains("<th>Deal</th><th>Owner</th><th>Stage</th><th>Partner</th>")
			.doesNotContain("<th>Action</th>")
			.contains("every team");
		assertThat(manager).contains("<th>Action</th>").contains("your team");
		for (var table : new String[] { admin, manager }) {
			assertThat(table).contains("<tbody><tr>").doesNotContainPattern("<td>\\s*</td>");
		}
	}

	private static String review(String page) {
		var review = page.substring(page.indexOf("id=\"review\""));
		return review.substring(0, review.indexOf("</article>")).replaceAll(">\\s+<", "><");
	}

	private String page(MockHttpSession session, boolean mayPrompt) throws Exception {
		return this.mvc.perform(get("/adoption").session(session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("mayPrompt", mayPrompt))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession signIn(String email) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", "demo").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
