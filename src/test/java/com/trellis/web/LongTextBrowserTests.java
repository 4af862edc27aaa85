package com.trellis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Long unbroken text within the length limits (a registration's customer name of 200
 * letters, its need of 2,000) wraps inside the page at desktop width: the registration's
 * page is no wider than the window, and the registrations list keeps every column in
 * sight (the app's stylesheet, for every page).
 */
@TrellisTest
class LongTextBrowserTests {

	private static final String SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth";

	/** How far the rightmost header cell of the page's tables reaches past the window. */
	private static final String COLUMNS_PAST = """
			() => Math.max(0, ...[...document.querySelectorAll('main table th')]
			  .map(th => th.getBoundingClientRect().right - window.innerWidth))
			""";

	/** Cells and lines without a 30-character word that may still break anywhere. */
	private static final String ORDINARY_BROKEN = """
			() => [...document.querySelectorAll('main td, main dd, main li, main p')]
			  .filter(e => getComputedStyle(e).overflowWrap === 'anywhere' && !/\\S{30,}/.test(e.textContent)).length
			""";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aRegistrationWithLongUnbrokenTextStaysWithinTheWindowOnItsPageAndInTheList() throws Exception {
		var world = this.fixtures.world("Long Text Partner " + System.nanoTime());
		var close = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(45);
		var created = this.mvc.perform(post("/api/v1/registrations")
			.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"customerName\": \"Longtext Customer " + System.nanoTime()
					+ "\", \"customerNeed\": \"A confirmed need for a rollout across all of the customer's teams\", "
					+ "\"amount\": 5000, \"currency\": \"USD\", \"creditType\": \"SOURCED\", "
					+ "\"expectedCloseDate\": \"" + close + "\"}"))
			.andDo(result -> System.out.println("registration: " + result.getResponse().getContentAsString()))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		var name = "W".repeat(200);
		this.jdbc.sql("UPDATE deal_registration SET customer_name = :name, customer_need = :need WHERE id = :id")
			.param("name", name)
			.param("need", "N".repeat(2000))
			.param("id", id)
			.update();
		try (var context = chromium.context(1280, 900)) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(world.pam()), "secret");
			for (var path : new String[] { "/registrations/" + id, "/registrations" }) {
				page.navigate(chromium.url(path));
				page.waitForLoadState();
				assertThat(page.locator("main")).containsText(name.substring(0, 40));
				assertThat(((Number) page.evaluate(SIDEWAYS)).intValue()).as(path + " wider than the window")
					.isLessThanOrEqualTo(0);
				assertThat(((Number) page.evaluate(COLUMNS_PAST)).intValue()).as(path + " columns out of sight")
					.isLessThanOrEqualTo(0);
				// only what holds the long text may break anywhere: the other cells keep
				// their words (try51: "Registere|d" in a narrow column)
				assertThat(((Number) page.evaluate(ORDINARY_BROKEN)).intValue())
					.as(path + " cells without long text that may break anywhere")
					.isZero();
			}
		}
	}

}
