package com.trellis.web;

import java.util.List;
import java.util.regex.Pattern;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list page given several bad filter, sort or page parameters names every one of them
 * on its 400 page at once (as the API does, {@code OneRoundParameterTests}), not the
 * first alone or a generic error.
 */
@TrellisTest
class ListPagesNameEveryBadParameterTests {

	private static final Pattern FIELD = Pattern.compile("data-field=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/opportunities?stage=BOGUS&partnerInvolved=maybe | stage partnerInvolved",
			"/opportunities?stage=WON&page=-1 | stage page", "/registrations?status=BOGUS&page=-1 | status page",
			"/registrations?status=BOGUS&mine=perhaps&page=x | status mine page",
			"/leads?status=NOPE&page=x | status page", "/partners?tier=NOPE&lifecycle=GONE | tier lifecycle",
			"/partners?sort=bogus&page=-1 | sort page", "/accounts?ownerId=abc&page=-3 | ownerId page",
			"/hygiene/NO_SUCH_CHECK?page=-1 | check page", "/hygiene/STALE_DEALS?page=abc | page",
			"/forecast?scope=NOPE&day=2026-13-40 | scope day", "/metrics?from=yesterday&to=2026-13-40 | from to",
			"/cosell?status=MAYBE&page=-2 | status page", "/scores?sort=height&page=-1 | sort page",
			// a page size out of 1 to 200 is named on every list page (it was ignored)
			"/opportunities?size=0 | size", "/opportunities?stage=BOGUS&size=0 | stage size",
			"/registrations?size=201 | size", "/leads?size=0 | size", "/partners?size=0&page=-1 | size page",
			"/accounts?size=-5 | size", "/account-plans?size=0 | size", "/hygiene/STALE_DEALS?size=0 | size",
			"/activation?size=0 | size", "/process?size=0 | size", "/cosell?size=500 | size",
			"/scores?sort=height&size=0 | sort size", "/admin/users?page=-1&size=0 | page size",
			"/admin/users?role=NOPE&size=0 | role size",
			// the cohorts' list is paged since co41
			"/cohorts?page=-1&size=0&weeks=0 | page size weeks", "/cohorts?show=x&page=-1 | show page",
			// an unreadable one with one out of range (try71b: the unreadable alone)
			"/cohorts?weeks=53&show=abc | weeks show", "/cohorts?weeks=53&page=x | weeks page" })
	void aListPageNamesEveryBadParameterAtOnce(String url, String fields) throws Exception {
		var page = this.mvc.perform(get(url).session(signIn(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var named = FIELD.matcher(page).results().map(m -> m.group(1)).toList();
		assertThat(named).as(url).containsExactlyInAnyOrderElementsOf(List.of(fields.split(" ")));
		assertThat(page).contains("id=\"bad-fields\"");
	}

	/**
	 * A page size out of range is told its allowed range, on a list page and on a list of
	 * the API alike; a size in range is honoured.
	 */
	@org.junit.jupiter.api.Test
	void aPageSizeOutOfRangeIsToldItsRangeOnListPagesAndTheApi() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var page = this.mvc.perform(get("/opportunities?size=0").session(signIn(admin)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("must be between 1 and 200");
		new com.trellis.support.Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/opportunities?size=0")
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("size"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].message")
				.value("must be between 1 and 200"));
		var two = this.mvc.perform(get("/opportunities?size=2").session(signIn(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Pattern.compile("<a href=\"/opportunities/\\d+\"").matcher(two).results().count()).isEqualTo(2);
	}

	/**
	 * A webhook's delivery log pages like every other list: a size out of 1 to 200 is
	 * named, a size in range is honoured and kept by the pager (it was ignored: always
	 * 20).
	 */
	@org.junit.jupiter.api.Test
	void aWebhooksDeliveryLogHonoursAndChecksItsPageSize() throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		long subscription = this.jdbc.sql("""
				INSERT INTO webhook_subscription (url, event_types, secret, created_at, updated_at)
				VALUES ('https://receiver.example/hook', ARRAY['deal.won'], 'whsec_test', now(), now()) RETURNING id
				""").query(Long.class).single();
		for (int i = 0; i < 3; i++) {
			var message = "msg_size_" + subscription + "_" + i;
			this.jdbc
				.sql("INSERT INTO webhook_message (id, type, body, created_at) VALUES (?, 'deal.won', '{}', now())")
				.param(message)
				.update();
			this.jdbc.sql("""
					INSERT INTO webhook_delivery (subscription_id, message_id, status, next_attempt_at)
					VALUES (?, ?, 'PENDING', now())
					""").params(subscription, message).update();
		}
		var path = "/admin/webhooks/" + subscription;
		for (var size : List.of("0", "201")) {
			var refused = this.mvc.perform(get(path + "?size=" + size).session(session))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(FIELD.matcher(refused).results().map(m -> m.group(1)).toList()).as(size).containsExactly("size");
		}
		var two = this.mvc.perform(get(path + "?size=2").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var start = two.indexOf("id=\"deliveries\"");
		var log = two.substring(start, two.indexOf("</table>", start));
		assertThat(Pattern.compile("msg_size_").matcher(log).results().count()).isEqualTo(2);
		assertThat(two).contains(path + "?size=2&amp;page=1");
	}

	/**
	 * A number written in digits that is too large for its parameter is told so, not that
	 * it is no whole number.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/partners?page=99999999999 | is too large ('99999999999')",
			"/partners?page=-99999999999 | must be 0 or more ('-99999999999' is not)",
			"/accounts?ownerId=99999999999999999999 | from -9,223,372,036,854,775,808 to 9,223,372,036,854,775,807" })
	void aNumberTooLargeForItsParameterIsToldSo(String url, String message) throws Exception {
		var page = this.mvc.perform(get(url).session(signIn(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).as(url)
			.contains(message)
			.doesNotContain("a whole number such as 5");
	}

	/**
	 * A list's filter request from htmx with a bad parameter is answered with the
	 * problems alone, which htmx swaps into the list's results: not a whole page (header,
	 * menu and all) nested inside the page. The same URL opened in the browser gets the
	 * full page.
	 */
	@org.junit.jupiter.api.Test
	void anHtmxFilterRequestWithABadParameterGetsTheProblemsNotAWholePage() throws Exception {
		var session = signIn(this.fixtures.user(Role.ADMIN));
		var part = this.mvc.perform(get("/accounts?page=abc&ownerId=x").header("HX-Request", "true").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(FIELD.matcher(part).results().map(m -> m.group(1)).toList()).containsExactlyInAnyOrder("page",
				"ownerId");
		assertThat(part).doesNotContain("<html", "<nav", "<h1").contains("id=\"bad-input\"");
		var whole = this.mvc.perform(get("/accounts?page=abc&ownerId=x").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(whole).contains("<html", "<nav", "id=\"bad-fields\"");
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
