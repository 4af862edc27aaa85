package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPI breakdown is picked from what exists: a PAM, partner or tier typed by its name,
 * or an id that names nothing, is refused naming {@code sliceValue}, never a server error
 * and never a page of silent zeros.
 */
@TrellisTest
class SlicePickerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPamPartnerOrTierTypedByNameIsRefusedNamingTheSliceValueOnEveryKpiPage() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		for (var page : new String[] { "/metrics", "/metrics/funnel", "/metrics/kpis/WIN_RATE" }) {
			for (var query : new String[] { "slice=PAM&sliceValue=Priya Patel", "slice=PARTNER&sliceValue=Northwind",
					"slice=TIER&sliceValue=Tier 1", "slice=PAM&sliceValue=2147483647",
					"slice=PARTNER&sliceValue=999999999999999999", "slice=COHORT&sliceValue=2147483647",
					"slice=REGION&sliceValue=Atlantis", "slice=VERTICAL&sliceValue=nothing-like-it",
					"slice=NOPE&sliceValue=1" }) {
				var body = this.mvc.perform(get(page + "?" + query).session(session))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(body).as(page + "?" + query).containsAnyOf("sliceValue", "slice");
			}
		}
	}

	@Test
	void theApiRefusesASliceValueThatNamesNothing() throws Exception {
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		api.get("/api/v1/kpis?slice=TIER&sliceValue=Tier 1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		api.get("/api/v1/kpis?slice=PAM&sliceValue=2147483647")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
		api.get("/api/v1/kpis?slice=TIER&sliceValue=TIER_1_INVEST").andExpect(status().isOk());
	}

	/**
	 * Every KPI row has a figure in the "Direct" column: a dash where the KPI has no
	 * direct-deal baseline, never an empty cell (13 of 16 were empty).
	 */
	@Test
	void aKpiWithoutADirectBaselineShowsADashNotAnEmptyCell() throws Exception {
		var body = this.mvc.perform(get("/metrics").session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var table = body.substring(body.indexOf("id=\"kpis\""), body.indexOf("</table>", body.indexOf("id=\"kpis\"")))
			.replaceAll(">\\s+<", "><");
		assertThat(table).contains("<td class=\"num\">—</td>").doesNotContain("<td class=\"num\"></td>");
	}

	/**
	 * The picker offers a PAM only the kinds of slice a PAM may use (a tier, type or
	 * region answered 403 after being offered); the admin gets every kind.
	 */
	@Test
	void aPamIsOfferedOnlyTheSlicesAPamMayUse() throws Exception {
		var world = this.fixtures.world("Picker Kinds");
		for (var page : new String[] { "/metrics", "/metrics/funnel" }) {
			var pam = this.mvc.perform(get(page).session(login(world.pam())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(pam).as(page)
				.contains("<option value=\"PAM\"", "<option value=\"COHORT\"")
				.doesNotContain("<option value=\"TIER\"", "<option value=\"TYPE\"", "<option value=\"REGION\"");
			var admin = this.mvc.perform(get(page).session(login(this.fixtures.user(Role.ADMIN))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(admin).as(page).contains("<option value=\"TIER\"", "<option value=\"REGION\"");
		}
	}

	@Test
	void thePickerListsThePamsPartnersAndTiersThatExistByTheirNames() throws Exception {
		var world = this.fixtures.world("Northwind Picker");
		var admin = login(this.fixtures.user(Role.ADMIN));
		var body = com.trellis.support.Readers.read(this.mvc, admin, "/metrics");
		assertThat(body).contains("<option value=\"" + world.pam().userId() + "\">" + world.pam().name() + "</option>")
			.contains("<option value=\"TIER_1_INVEST\">Tier 1 · Invest</option>")
			.contains("data-search=\"/metrics/slice-partners\"");
		// the partner is found by its name on the server, and listed once chosen
		assertThat(search(admin, "northwind pick"))
			.contains("<option value=\"" + world.partnerId() + "\">Northwind Picker</option>");
		var chosen = com.trellis.support.Readers.read(this.mvc, admin,
				"/metrics?slice=PARTNER&sliceValue=" + world.partnerId());
		assertThat(chosen)
			.contains("<option value=\"" + world.partnerId() + "\" selected=\"selected\">Northwind Picker</option>");
	}

	@Test
	void aPamPicksOnlyAmongThePartnersOfTheirBook() throws Exception {
		var mine = this.fixtures.world("Picker Mine");
		var theirs = this.fixtures.world("Picker Theirs");
		var pam = login(mine.pam());
		var body = com.trellis.support.Readers.read(this.mvc, pam, "/metrics");
		assertThat(body).contains(">Picker Mine</option>").doesNotContain(">Picker Theirs</option>");
		// a book of fewer than fifty is listed whole: narrowed in the page, no note
		// (try46)
		assertThat(body).doesNotContain("data-search=\"/metrics/slice-partners\"");
		assertThat(search(pam, "Picker")).contains(">Picker Mine</option>").doesNotContain(">Picker Theirs</option>");
		// another PAM's partner is never listed, even when asked for by id
		this.mvc.perform(get("/metrics?slice=PARTNER&sliceValue=" + theirs.partnerId()).session(pam))
			.andExpect(status().isForbidden());
	}

	@Test
	void theProgramsPartnersAreListedFiftyAtATimeAndFoundByName() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		for (int i = 0; i < SliceOptions.PARTNER_OPTIONS + 5; i++) {
			this.fixtures.partner("Listed In Part " + i, pam.userId());
		}
		var admin = login(this.fixtures.user(Role.ADMIN));
		var body = com.trellis.support.Readers.read(this.mvc, admin, "/metrics");
		var group = body.substring(body.indexOf("data-kind=\"PARTNER\""));
		group = group.substring(0, group.indexOf("</optgroup>"));
		assertThat(group.split("<option ", -1)).hasSize(SliceOptions.PARTNER_OPTIONS + 1);
		assertThat(search(admin, "LISTED IN PART 5")).contains(">Listed In Part 5</option>")
			.contains(">Listed In Part 54</option>")
			.doesNotContain(">Listed In Part 4</option>");
		// what is typed is text, never a pattern
		assertThat(search(admin, "Listed%Part")).doesNotContain("<option");
		assertThat(search(admin, "Listed_In")).doesNotContain("<option");
	}

	/**
	 * Issue 15: a program of 1,561 cohorts rendered every one as an option on the KPI and
	 * funnel pages, most of their time; they are listed fifty at a time and found by name
	 * like the partners, the chosen one listed whatever its name.
	 */
	@Test
	void theCohortsAreListedFiftyAtATimeAndFoundByName() throws Exception {
		String tag = "Picked cohort " + System.nanoTime() + " ";
		var ids = new java.util.ArrayList<Long>();
		for (int i = 0; i < SliceOptions.PARTNER_OPTIONS + 5; i++) {
			ids.add(this.jdbc
				.sql("INSERT INTO cohort (name, kind, basis, created_at) "
						+ "VALUES (:name, 'MANUAL', 'by hand', now()) RETURNING id")
				.param("name", tag + i)
				.query(Long.class)
				.single());
		}
		var admin = login(this.fixtures.user(Role.ADMIN));
		var body = com.trellis.support.Readers.read(this.mvc, admin, "/metrics");
		var group = body.substring(body.lastIndexOf("<optgroup", body.indexOf("data-kind=\"COHORT\"")));
		group = group.substring(0, group.indexOf("</optgroup>"));
		assertThat(group).contains("data-search=\"/metrics/slice-cohorts\"");
		assertThat(group.split("<option ", -1)).hasSize(SliceOptions.PARTNER_OPTIONS + 1);
		var found = this.mvc.perform(get("/metrics/slice-cohorts").param("q", tag.toUpperCase() + "5").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found).contains(">" + tag + "5</option>", ">" + tag + "54</option>")
			.doesNotContain(">" + tag + "4</option>");
		// one not among the first fifty is listed once chosen
		int unlisted = java.util.stream.IntStream.range(0, ids.size())
			.filter(i -> !body.contains(">" + tag + i + "</option>"))
			.findFirst()
			.orElseThrow();
		long last = ids.get(unlisted);
		var chosen = com.trellis.support.Readers.read(this.mvc, admin,
				"/metrics/funnel?slice=COHORT&sliceValue=" + last);
		assertThat(chosen)
			.contains("<option value=\"" + last + "\" selected=\"selected\">" + tag + unlisted + "</option>");
		this.mvc
			.perform(get("/metrics/slice-cohorts?q=x")
				.session(login(this.fixtures.world("Cohort Picker").partnerUser())))
			.andExpect(status().isForbidden());
		assertThat(this.mvc
			.perform(get("/metrics/slice-cohorts?q=" + "x".repeat(SliceOptions.SEARCH_LENGTH + 1)).session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("data-field=\"q\"").contains("Search text").doesNotContain(">Q<");
	}

	@Test
	void aPartnerUserSearchesNoPartnersAndATooLongSearchIsRefusedNamingQ() throws Exception {
		var world = this.fixtures.world("Picker Partner User");
		this.mvc.perform(get("/metrics/slice-partners?q=Picker").session(login(world.partnerUser())))
			.andExpect(status().isForbidden());
		var body = this.mvc
			.perform(get("/metrics/slice-partners?q=" + "x".repeat(SliceOptions.SEARCH_LENGTH + 1))
				.session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("data-field=\"q\"");
	}

	private String search(MockHttpSession session, String text) throws Exception {
		return this.mvc.perform(get("/metrics/slice-partners").param("q", text).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
