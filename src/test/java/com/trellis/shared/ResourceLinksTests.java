package com.trellis.shared;

import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page's links are resolved as static resources only where a link can be rewritten (the
 * webjars, their version put in the path); the static files' handler ({@code /**}) is no
 * longer asked for every link of a page ({@link ResourceLinks}), and the files are served
 * as before.
 */
@TrellisTest
class ResourceLinksTests {

	private static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[^/\"]+/dist/htmx\\.min\\.js)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ResourceUrlProvider links;

	@Test
	void onlyTheWebjarsAreAskedForAPagesLinks() {
		assertThat(this.links.getHandlerMap()).containsKey("/webjars/**").doesNotContainKey(ResourceLinks.EVERY_PATH);
		assertThat(this.links.getForLookupPath("/opportunities/1")).isNull();
		assertThat(this.links.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
			.matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
	}

	@Test
	void aPageLinksItsFilesAsBeforeAndTheyAreServed() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var page = this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var htmx = HTMX.matcher(page);
		assertThat(htmx.find()).as("the htmx link with its version").isTrue();
		assertThat(page).contains("href=\"/css/trellis.css\"")
			.contains("src=\"/js/trellis.js\"")
			.contains("href=\"/partners\"");
		for (var file : new String[] { htmx.group(1), "/css/trellis.css", "/js/trellis.js",
				"/webjars/htmx.org/dist/htmx.min.js" }) {
			this.mvc.perform(get(file)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/css/no-such-file.css")).andExpect(status().isNotFound());
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
