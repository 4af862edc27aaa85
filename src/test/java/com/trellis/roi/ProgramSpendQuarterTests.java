package com.trellis.roi;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ROI page's program spend table lists the spend of the quarter the page shows, under
 * a heading naming it (try41: July spend listed under "2026-Q4"); the API lists one
 * quarter's spend when asked and refuses a bad quarter naming it; spend recorded through
 * the page's form leads to its quarter's page (try43: a July entry seemed to vanish from
 * the current quarter's), and a deletion back to the quarter it was made on.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ProgramSpendQuarterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgramSpend spend;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	com.trellis.shared.Figures figures;

	@Test
	void theRoiPageListsTheSpendOfTheQuarterItShows() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Quarter spend partner");
		var current = this.calendar.currentQuarter();
		var previous = current.previous();
		String now = "Booth this quarter " + System.nanoTime();
		String before = "Booth last quarter " + System.nanoTime();
		spend(admin, world.partnerId(), this.calendar.today(), now);
		spend(admin, world.partnerId(), previous.end().minusDays(1), before);

		var session = login(admin);
		var shown = page(session, "/roi");
		assertThat(shown).contains(now).doesNotContain(before).contains("Program spend in " + current.label());
		var earlier = page(session, "/roi?quarter=" + previous.label());
		assertThat(earlier).contains(before).doesNotContain(now).contains("Program spend in " + previous.label());
		// the quarter's days, which a fiscal label does not say (try44)
		assertThat(earlier).contains(previous.label() + " runs from " + this.figures.date(previous.start()) + " to "
				+ this.figures.date(previous.end().minusDays(1)) + ".");
		assertThat(page(login(world.pam()), "/roi?quarter=" + previous.label())).contains(before).doesNotContain(now);

		// recorded through the page's form: back on the entry's quarter, where it is
		// listed
		String typed = "Booth typed " + System.nanoTime();
		this.mvc
			.perform(post("/roi/spend").session(session)
				.with(csrf())
				.param("partnerId", "" + world.partnerId())
				.param("spentOn", previous.start().toString())
				.param("amount", "75.00")
				.param("currency", "GBP")
				.param("purpose", typed))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/roi?quarter=" + previous.label()))
			.andExpect(flash().attribute("notice", "Program spend recorded in " + previous.label()));
		assertThat(page(session, "/roi?quarter=" + previous.label())).contains(typed);
		long id = this.jdbc.sql("SELECT id FROM roi_program_spend WHERE purpose = :p")
			.param("p", typed)
			.query(Long.class)
			.single();
		this.mvc.perform(
				post("/roi/spend/" + id + "/delete").session(session).with(csrf()).param("quarter", previous.label()))
			.andExpect(redirectedUrl("/roi?quarter=" + previous.label()));
		this.mvc.perform(post("/roi/spend/" + id + "/delete").session(session).with(csrf()).param("quarter", "Q9"))
			.andExpect(status().isNotFound());

		// the cost rates saved from a past quarter's page lead back to it (try46)
		var rates = this.jdbc.sql("SELECT * FROM roi_cost_rate WHERE id = 1").query().singleRow();
		try {
			this.mvc
				.perform(post("/roi/cost-rates").session(session)
					.with(csrf())
					.param("quarter", previous.label())
					.param("pamCostPerPartner", "1000.00")
					.param("pamCurrency", "USD")
					.param("enablementHourCost", "50.00")
					.param("enablementCurrency", "USD"))
				.andExpect(redirectedUrl("/roi?quarter=" + previous.label()));
		}
		finally {
			this.jdbc
				.sql("UPDATE roi_cost_rate SET pam_cost_per_partner = :pam, pam_currency = :pamCurrency, "
						+ "enablement_hour_cost = :hour, enablement_currency = :hourCurrency WHERE id = 1")
				.param("pam", rates.get("pam_cost_per_partner"))
				.param("pamCurrency", rates.get("pam_currency"))
				.param("hour", rates.get("enablement_hour_cost"))
				.param("hourCurrency", rates.get("enablement_currency"))
				.update();
		}

		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/roi/spend?quarter=" + previous.label())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].purpose").value(hasItem(before)))
			.andExpect(jsonPath("$[*].purpose").value(not(hasItem(now))));
		api.get("/api/v1/roi/spend")
			.andExpect(jsonPath("$[*].purpose").value(hasItem(before)))
			.andExpect(jsonPath("$[*].purpose").value(hasItem(now)));
		api.get("/api/v1/roi/spend?quarter=Q9-nonsense")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/roi/spend?quarter=Q9-nonsense")
			.andExpect(status().isBadRequest());
	}

	/**
	 * The quarter's spend a page at a time on the page
	 * ({@code spendPage}/{@code spendSize}) and in the API ({@code page}/{@code size},
	 * the whole count in {@code X-Total-Count}): the page listed only the latest 50 and
	 * the API the latest 200, with no way to the others. Bad pages and sizes are named
	 * with the quarter, all at once.
	 */
	@Test
	void theQuartersSpendIsReadAPageAtATime() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Paged spend partner");
		for (var purpose : new String[] { "Paged first", "Paged second", "Paged third" }) {
			spend(admin, world.partnerId(), this.calendar.today(), purpose);
		}
		var partner = login(world.partnerUser());
		var first = page(partner, "/roi?spendSize=2");
		assertThat(first).contains("Paged third", "Paged second")
			.doesNotContain("Paged first")
			.contains("Entries 1–2 of 3, newest first.")
			.contains("spendPage=1");
		var second = page(partner, "/roi?spendSize=2&spendPage=1");
		assertThat(second).contains("Paged first").doesNotContain("Paged second").contains("Entries 3–3 of 3");
		assertThat(page(partner, "/roi")).contains("Paged first", "Paged third").doesNotContain("roi-spend-shown");
		// past the end: the pager says so, without an "Entries 7–6 of 3" line (try44)
		assertThat(page(partner, "/roi?spendSize=2&spendPage=3")).contains("Page 4 is past the end")
			.doesNotContain("roi-spend-shown");
		// a bad query on a CSV: "Go back" leads home, not to the download (try44)
		assertThat(this.mvc.perform(get("/roi/partners.csv?quarter=2026-Q9").session(partner))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Go back").doesNotContain("href=\"/roi/partners.csv\"");

		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		api.get("/api/v1/roi/spend?size=2&page=1&quarter=" + this.calendar.currentQuarter().label())
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Total-Count", "3"))
			.andExpect(jsonPath("$[*].purpose").value(org.hamcrest.Matchers.contains("Paged first")));
		api.get("/api/v1/roi/spend?size=0&page=-1&quarter=Q9")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("quarter", "page", "size")));
		api.get("/api/v1/roi/spend?size=201").andExpect(status().isBadRequest());
		var bad = this.mvc.perform(get("/roi?spendPage=-1&spendSize=abc").session(partner))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bad).contains("spendPage").contains("spendSize");
	}

	/**
	 * A deletion leads back to the page of the quarter's spend the entry was listed on,
	 * in the pages' size (try44: it led to the first page, the size dropped); the last
	 * page when the entry was the only one on its page; the first for a page it cannot
	 * read.
	 */
	@Test
	void aDeletionLeadsBackToThePageOfTheSpendItWasOn() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Deleted spend partner");
		// a quarter no other test of this class records spend in
		var quarter = this.calendar.currentQuarter().previous().previous().previous();
		for (var purpose : new String[] { "Deleted first", "Deleted second", "Deleted third" }) {
			spend(admin, world.partnerId(), quarter.start().plusDays(3), purpose);
		}
		var session = login(admin);
		String at = "/roi?quarter=" + quarter.label();
		assertThat(page(session, at + "&spendSize=2&spendPage=1")).contains("Deleted first")
			.contains("name=\"spendPage\" value=\"1\"")
			.contains("name=\"spendSize\" value=\"2\"");
		assertThat(page(session, at)).doesNotContain("name=\"spendPage\"").doesNotContain("name=\"spendSize\"");
		// the second page keeps its entry: back on it
		delete(session, "Deleted second", quarter.label(), "0", "2").andExpect(redirectedUrl(at + "&spendSize=2"));
		spend(admin, world.partnerId(), quarter.start().plusDays(4), "Deleted fourth");
		spend(admin, world.partnerId(), quarter.start().plusDays(5), "Deleted fifth");
		delete(session, "Deleted fourth", quarter.label(), "1", "2")
			.andExpect(redirectedUrl(at + "&spendPage=1&spendSize=2"));
		// the only entry of the last page: back on the one before
		delete(session, "Deleted first", quarter.label(), "1", "2").andExpect(redirectedUrl(at + "&spendSize=2"));
		// what it cannot read: the quarter's first page
		delete(session, "Deleted fifth", quarter.label(), "x", "2").andExpect(redirectedUrl(at));
	}

	private org.springframework.test.web.servlet.ResultActions delete(MockHttpSession session, String purpose,
			String quarter, String spendPage, String spendSize) throws Exception {
		long id = this.jdbc.sql("SELECT id FROM roi_program_spend WHERE purpose = :p")
			.param("p", purpose)
			.query(Long.class)
			.single();
		return this.mvc.perform(post("/roi/spend/" + id + "/delete").session(session)
			.with(csrf())
			.param("quarter", quarter)
			.param("spendPage", spendPage)
			.param("spendSize", spendSize));
	}

	private void spend(Viewer admin, long partnerId, LocalDate day, String purpose) {
		this.spend.add(admin, new SpendCommand(partnerId, day, new BigDecimal("120.00"), "EUR", purpose));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return new Readers(this.mvc, this.jdbc, this.fixtures).read(session, path);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return new Readers(this.mvc, this.jdbc, this.fixtures).signIn(viewer);
	}

}
