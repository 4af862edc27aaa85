package com.trellis.plays;

import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revising a play: saving it unchanged writes no new version and no audit entry, through
 * the API and the page form; the play page's header puts its separators only between its
 * items.
 */
@TrellisTest
class PlayRevisionTests {

	private static final Pattern HEADER = Pattern.compile("<p><span class=\"badge\">.*?</p>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void savingAPlayUnchangedThroughTheApiWritesNoNewVersionAndNoAuditEntry() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long play = id(admin.post("/api/v1/plays", PlaysTests.play("Unchanged via API", "DISCOVERY"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());

		admin.put("/api/v1/plays/" + play, PlaysTests.play("Unchanged via API", "DISCOVERY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));

		admin.get("/api/v1/plays/" + play + "/versions").andExpect(jsonPath("$", hasSize(1)));
		assertThat(revisions(play)).isZero();
		// a real change is still a new version
		admin.put("/api/v1/plays/" + play, PlaysTests.play("Changed via API", "DISCOVERY"))
			.andExpect(jsonPath("$.version").value(2));
		assertThat(revisions(play)).isOne();
	}

	@Test
	void savingAPlayUnchangedOnItsPageWritesNoNewVersionAndSaysSo() throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var created = this.mvc.perform(form(post("/plays"), session)).andReturn();
		long play = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/plays/(\\d+).*", "$1"));

		var saved = this.mvc.perform(form(post("/plays/" + play), session)).andReturn();

		assertThat(saved.getFlashMap().get("notice")).asString().contains("No changes").contains("version 1 kept");
		assertThat(this.jdbc.sql("SELECT count(*) FROM play_version WHERE play_id = ?")
			.param(play)
			.query(Long.class)
			.single()).isOne();
		assertThat(revisions(play)).isZero();
	}

	@Test
	void thePlayPageHeaderPutsSeparatorsOnlyBetweenItems() throws Exception {
		var viewer = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(viewer));
		long play = id(admin.post("/api/v1/plays", PlaysTests.play("Header play", "DISCOVERY"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (var reader : new Viewer[] { viewer, this.fixtures.world("Plays Header").ae() }) {
			var page = this.mvc.perform(get("/plays/" + play).session(signIn(reader)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			var matcher = HEADER.matcher(page);
			assertThat(matcher.find()).isTrue();
			var text = matcher.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
			// one item line: the separator joins the role and the version, never trails
			assertThat(matcher.group()).contains("<span id=\"play-meta\">For: Account executive · Version 1</span>");
			assertThat(text).contains("For: Account executive · Version 1")
				.doesNotEndWith("·")
				.doesNotStartWith("·")
				.doesNotContain("· ·");
		}
	}

	private long revisions(long play) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'play' AND entity_id = ? AND action = 'revised'")
			.param(String.valueOf(play))
			.query(Long.class)
			.single();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session) {
		return request.session(session)
			.with(csrf())
			.param("title", "Unchanged on the page")
			.param("moment", "DISCOVERY")
			.param("role", "AE")
			.param("buyer", "The CIO")
			.param("whyPartner", "They run the platform")
			.param("whenToBring", "Before the demo")
			.param("problem", "No credible rollout")
			.param("partnerTypes", "SI")
			.param("verticals", "Retail, Banking")
			.param("capabilities", "");
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private static long id(String json) {
		return Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

}
