package com.trellis.web;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The browser's icon: {@code /favicon.ico} (which browsers ask for on their own) and the
 * SVG the pages link to are served to anyone, signed in or not, and every page's head
 * links them.
 */
@TrellisTest
class FaviconTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theIconIsServedWithoutSigningInAndTheSignInPageLinksIt() throws Exception {
		var ico = this.mvc.perform(get("/favicon.ico"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// an icon directory of one image (the header of the ICO format)
		assertThat(ico).startsWith(0, 0, 1, 0, 1, 0);
		this.mvc.perform(get("/favicon.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("<svg ")));
		var login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">")
			.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
	}

}
