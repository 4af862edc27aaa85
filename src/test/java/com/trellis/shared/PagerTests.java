package com.trellis.shared;

import java.util.regex.Pattern;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every paged list shares one pager ({@code templates/pager.html}): a page past the end
 * says so instead of "Page 1,000 of 1" and links back into the list, and the links keep
 * whatever filters the reader chose. Failed before: each list wrote its own pager, a page
 * past the end read "Page 1,000 of 1", and a list's filters were kept only where its
 * template named them.
 */
@TrellisTest
class PagerTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/accounts", "/activation", "/cosell", "/opportunities", "/hygiene/STALE_DEALS",
			"/admin/users", "/leads", "/partners", "/account-plans", "/process", "/registrations", "/scores" })
	void aPagePastTheEndOfAListSaysSoAndLinksBackIntoIt(String path) throws Exception {
		var html = page(get(path).param("page", "999"));
		assertThat(html).contains("Page 1,000 is past the end: the list")
			.doesNotContain("Page 1,000 of")
			.doesNotContain("Next →")
			// the list is not empty: only this page is
			.doesNotContain("No registrations yet", "No leads yet", "No co-sell requests", "Nothing found.");
		var back = Pattern.compile("href=\"" + Pattern.quote(path) + "\\?page=(\\d+)\">← Previous").matcher(html);
		assertThat(back.find()).as("a link back into the list").isTrue();
		assertThat(Integer.parseInt(back.group(1))).isLessThan(999);
	}

	@Test
	void thePagersLinksKeepTheListsFiltersEncodedAsTheReaderTypedThem() throws Exception {
		var html = page(get("/partners").param("q", "zz+&=é").param("tier", "TIER_2_EMERGING").param("page", "3"));
		assertThat(html).contains("the list is empty")
			.contains("href=\"/partners?q=zz%2B%26%3D%C3%A9&amp;tier=TIER_2_EMERGING&amp;page=0\">← Previous");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.session(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession admin() throws Exception {
		var result = this.mvc
			.perform(post("/login").param("username", "admin@trellis.demo").param("password", "demo").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
