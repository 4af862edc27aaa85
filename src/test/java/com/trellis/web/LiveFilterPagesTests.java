package com.trellis.web;

import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every filtered list filters as the reader types or chooses (htmx, no inline script),
 * keeps a Filter button for a browser without JavaScript, and answers htmx with the
 * inside of its {@code #results}, which htmx puts into the page's one {@code #results}:
 * the page never holds two.
 */
@TrellisTest
class LiveFilterPagesTests {

	private static final Pattern RESULTS = Pattern.compile("id=\"results\"");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/partners", "/opportunities", "/leads", "/accounts", "/registrations", "/plays",
			"/account-plans" })
	void aListFiltersLiveKeepsItsButtonWithoutScriptsAndAnswersHtmxWithTheInsideOfItsResults(String path)
			throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var page = this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(RESULTS.matcher(page).results().count()).as(path).isEqualTo(1);
		var form = page.substring(page.indexOf("<form class=\"filters\""));
		form = form.substring(0, form.indexOf("</form>"));
		assertThat(form).as(path)
			.contains("hx-get=\"" + path + "\"", "hx-target=\"#results\"", "hx-trigger=\"input changed")
			.containsPattern("<noscript><button type=\"submit\"[^>]*>Filter</button></noscript>");
		var answer = this.mvc.perform(get(path).header("HX-Request", "true").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).as(path).doesNotContain("id=\"results\"", "<html", "<form class=\"filters\"");
	}

	@org.junit.jupiter.api.Test
	void thePlaysAndTheAccountPlansFilterByWhatIsChosen() throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var title = this.jdbc.sql("""
				SELECT v.title FROM play p JOIN play_version v ON v.play_id = p.id AND v.version = p.current_version
				ORDER BY p.id LIMIT 1
				""").query(String.class).single();
		var others = this.jdbc.sql("""
				SELECT count(*) FROM play p JOIN play_version v ON v.play_id = p.id AND v.version = p.current_version
				WHERE strpos(lower(v.title), lower(?)) = 0
				""").param(title).query(Long.class).single();
		var plays = this.mvc.perform(get("/plays").param("q", title.toUpperCase()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plays).contains(org.springframework.web.util.HtmlUtils.htmlEscape(title));
		assertThat(Pattern.compile("<a href=\"/plays/\\d+\"").matcher(plays).results().count())
			.isLessThanOrEqualTo(this.jdbc.sql("SELECT count(*) FROM play").query(Long.class).single() - others);
		this.mvc.perform(get("/plays").param("q", "no play is called this").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("No play matches these filters.")));
		this.mvc.perform(get("/plays").param("moment", "LUNCH").session(session)).andExpect(status().isBadRequest());

		var closed = this.mvc.perform(get("/account-plans").param("status", "CLOSED").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(closed).doesNotContain("<td>Open</td>");
		var refused = this.mvc.perform(get("/account-plans?status=SHUT&size=0").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("data-field=\"status\"", "data-field=\"size\"");
	}

	/**
	 * Filtering live sends the form's fields alone: a list opened with a view or page
	 * size the form has no field for (the registrations' SLA breaches, a size, a deal
	 * list's owner or account) carries them as hidden fields, so filtering keeps them;
	 * never the page, and never a field the form has.
	 */
	@org.junit.jupiter.api.Test
	void everyLiveFilterKeepsTheViewAndSizeItWasOpenedWith() throws Exception {
		var world = this.fixtures.world("Kept Filter Partners");
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var owner = world.ae().userId();
		var cases = new java.util.LinkedHashMap<String, java.util.List<String>>();
		cases.put("/registrations?breached=true&size=7&page=0&status=PENDING",
				java.util.List.of("breached=true", "size=7"));
		cases.put("/opportunities?ownerId=" + owner + "&accountId=" + world.accountId() + "&size=7&stage=QUALIFIED",
				java.util.List.of("ownerId=" + owner, "accountId=" + world.accountId(), "size=7"));
		cases.put("/leads?size=7&page=0", java.util.List.of("size=7"));
		cases.put("/partners?desc=true&size=7&tier=TIER_1_INVEST", java.util.List.of("desc=true", "size=7"));
		cases.put("/accounts?ownerId=" + owner + "&size=7&q=Kept", java.util.List.of("ownerId=" + owner, "size=7"));
		cases.put("/account-plans?partnerId=" + world.partnerId() + "&size=7",
				java.util.List.of("partnerId=" + world.partnerId(), "size=7"));
		cases.put("/plays?q=call&page=0", java.util.List.of());
		// a filter form without htmx keeps them too (try23: /admin/users lost its size)
		cases.put("/admin/users?size=7&q=a&page=0", java.util.List.of("size=7"));
		for (var entry : cases.entrySet()) {
			var page = this.mvc.perform(get(entry.getKey()).session(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			var form = page.substring(page.indexOf("<form class=\"filters\""));
			form = form.substring(0, form.indexOf("</form>"));
			var hidden = HIDDEN.matcher(form).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
			assertThat(hidden).as(entry.getKey())
				.containsAll(entry.getValue())
				.noneMatch(field -> field.startsWith("page="))
				.allMatch(field -> entry.getValue().contains(field) || field.startsWith("partnerId="));
		}
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
