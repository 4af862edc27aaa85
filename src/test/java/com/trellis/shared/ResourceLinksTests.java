package com.trellis.shared;

import java.util.regex.Pattern;

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
 * Pages link the WebJars by their version-agnostic paths and those paths are served, kept
 * by the browser and revalidated (failed before: {@code no-store}, every page fetched and
 * compiled Chart.js again). Failed before: a filter rewrote every link of every page
 * through a class path search (to put the WebJar's version into its path), the largest
 * CPU cost of a list page.
 */
@TrellisTest
class ResourceLinksTests {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theLayoutLinksTheWebJarsWithoutAVersionAndEveryAssetItLinksIsServed() throws Exception {
		var admin = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", "admin@trellis.demo").param("password", "demo").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var html = this.mvc.perform(get("/partners").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("href=\"/webjars/picocss__pico/css/pico.min.css\"",
				"src=\"/webjars/htmx.org/dist/htmx.min.js\"");
		var assets = ASSET.matcher(html).results().map(m -> m.group(1)).toList();
		assertThat(assets).hasSizeGreaterThanOrEqualTo(4);
		for (var asset : assets) {
			var response = this.mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(200);
			assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
			assertThat(response.getHeader("Cache-Control")).as(asset).isEqualTo("no-cache");
			var lastModified = response.getHeader("Last-Modified");
			assertThat(lastModified).as(asset).isNotNull();
			this.mvc.perform(get(asset).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());
		}
	}

}
