package com.trellis.plays;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The play form speaks the reader's words: its choices and the errors about them use the
 * labels of {@code messages.properties}, never the codes the form posts; the API's errors
 * name the codes it accepts together with their labels.
 */
@TrellisTest
class PlayFormWordingTests {

	private static final Pattern ERROR_TEXT = Pattern.compile("class=\"error\"[^>]*>([^<]*)<",
			Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aRefusedPlayFormNamesTheChoicesInWordsNotCodes() throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var refused = this.mvc
			.perform(post("/plays").session(session)
				.with(csrf())
				.param("title", "Land with the SI")
				.param("moment", "CLOSING")
				.param("role", "")
				.param("buyer", "The CIO")
				.param("whyPartner", "They run the platform")
				.param("whenToBring", "Before the demo")
				.param("problem", "No credible rollout")
				.param("partnerTypes", "SI", "BANK"))
			.andReturn();
		var page = this.mvc.perform(get("/plays/new").session(session).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var errors = errors(page);
		assertThat(errors).anySatisfy(
				e -> assertThat(e).contains("choose one of Prospecting, Discovery, Objection handling, Expansion"));
		assertThat(errors).anySatisfy(e -> assertThat(e).contains(
				"choose one of Account executive, Solutions engineer, Customer success manager, Partner account manager"));
		assertThat(errors).anySatisfy(e -> assertThat(e).contains("Partner types: ").contains("Systems integrator"));
		assertThat(String.join(" ", errors)).doesNotContain("PROSPECTING", "OBJECTION", "CSM", "RESELLER",
				"must be one of");
		// the choices offered are the labels of messages.properties
		assertThat(page).contains(">Objection handling</option>")
			.contains(">Partner account manager</option>")
			.contains("Systems integrator");
	}

	@Test
	void theApiNamesTheCodesItAcceptsWithTheirWords() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/plays", PlaysTests.play("Closing play", "CLOSING"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("moment"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("DISCOVERY (Discovery)")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("OBJECTION (Objection handling)")));
		// a choice is its code exactly, as every choice of the API (try54: "discovery"
		// made a play)
		admin.post("/api/v1/plays", PlaysTests.play("Lower-case play", "discovery"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("moment"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not 'discovery'")));
	}

	/** The texts of the page's error elements (the summary and each field's). */
	private static List<String> errors(String page) {
		var found = new ArrayList<String>();
		var matcher = ERROR_TEXT.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1).replace("&#39;", "'").strip());
		}
		return found;
	}

	private MockHttpSession signIn(com.trellis.identity.Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
