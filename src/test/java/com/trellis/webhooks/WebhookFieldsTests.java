package com.trellis.webhooks;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subscription with several bad fields names all of them in one answer (it used to name
 * only the description, then the URL in a second round).
 */
@TrellisTest
class WebhookFieldsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyBadFieldIsNamedInOneAnswer() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/webhooks", """
				{"url": "javascript:alert(1)", "eventTypes": ["deal.won", "deal.nothing"], "description": "%s"}
				""".formatted("x".repeat(300)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("description", "url", "eventTypes")));
	}

	/**
	 * A URL whose host is an internationalised name is kept in the ASCII form that is
	 * resolved and called (it was refused as having no host name, s64's notes).
	 */
	@Test
	void anInternationalisedHostIsKeptInItsAsciiForm() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/webhooks", """
				{"url": " https://Bücher.example:8443/hook?x=1 ", "eventTypes": ["deal.won"]}
				""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subscription.url").value("https://xn--bcher-kva.example:8443/hook?x=1"));
		admin.post("/api/v1/webhooks", """
				{"url": "https://b\u00fccher..example/hook", "eventTypes": ["deal.won"]}
				""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("url"));
	}

}
