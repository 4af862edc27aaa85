package com.trellis.search;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.search.SearchResults.Hit;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Global search (issue 13 item 12): across partners, accounts, deals, registrations and
 * leads, each viewer finding only what they may open.
 */
@TrellisTest
class SearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Search search;

	@Autowired
	Registrations registrations;

	@Test
	void aPartnerUserFindsItsOwnDealsAndRegistrationsAndNeverAnotherPartnersOrAnyAccount() {
		var mine = this.fixtures.world("Quillmoor Mine");
		var theirs = this.fixtures.world("Quillmoor Theirs");
		name(mine.dealId(), "Quillmoor rollout (mine)");
		name(theirs.dealId(), "Quillmoor rollout (theirs)");
		this.registrations.register(mine.partnerUser(), registration("Quillmoor Foods"));
		this.registrations.register(theirs.partnerUser(), registration("Quillmoor Farms"));

		var found = this.search.find(mine.partnerUser(), "quillmoor");

		assertThat(found.deals()).extracting(Hit::title).containsExactly("Quillmoor rollout (mine)");
		assertThat(found.registrations()).extracting(Hit::title).containsExactly("Quillmoor Foods");
		assertThat(found.partners()).extracting(Hit::id).containsExactly(mine.partnerId());
		assertThat(found.accounts()).isEmpty();
		// vendor staff find both partners' deals and the customers' accounts
		var admin = this.search.find(this.fixtures.user(Role.ADMIN), "Quillmoor");
		assertThat(admin.deals()).hasSize(2);
		assertThat(admin.registrations()).hasSize(2);
		assertThat(admin.accounts()).extracting(Hit::title).contains("Quillmoor Mine customer");
	}

	@Test
	void anAeFindsTheLeadsRoutedToThemAndNotAnotherAesLeads() {
		var world = this.fixtures.world("Larkspur Leads");
		var otherAe = this.fixtures.user(Role.AE);
		lead(world, world.ae(), "Larkspur Mine GmbH");
		lead(world, otherAe, "Larkspur Other GmbH");

		assertThat(this.search.find(world.ae(), "larkspur").leads()).extracting(Hit::title)
			.containsExactly("Larkspur Mine GmbH");
		assertThat(this.search.find(world.pam(), "larkspur").leads()).hasSize(2);
		assertThat(this.search.find(world.partnerUser(), "larkspur").leads()).hasSize(2);
		assertThat(this.search.find(this.fixtures.user(Role.PAM), "larkspur").leads()).isEmpty();
	}

	@Test
	void eachKindReturnsAFewHitsAndWildcardsAreTakenLiterally() {
		var world = this.fixtures.world("Percent Partner");
		for (int i = 0; i < Search.PER_KIND + 3; i++) {
			this.fixtures.account("Wolfram Percent " + i, null, world.ae().userId());
		}
		var admin = this.fixtures.user(Role.ADMIN);
		assertThat(this.search.find(admin, "Wolfram Percent").accounts()).hasSize(Search.PER_KIND);
		assertThat(this.search.find(admin, "%%%").accounts()).isEmpty();
		assertThat(this.search.find(admin, "___").partners()).isEmpty();
	}

	@Test
	void aSearchTextTooShortOrTooLongIsRefusedNamingQInTheApiAndThePage() throws Exception {
		var viewer = this.fixtures.user(Role.AE);
		var api = new Api(this.mvc, this.fixtures.token(viewer));
		api.get("/api/v1/search?q=ab")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		api.get("/api/v1/search")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		api.get("/api/v1/search?q=" + "x".repeat(101))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		// s57, try72: three zero-width spaces were searched for, a direction override
		// echoed
		api.get("/api/v1/search?q=\u200B\u200B\u200B")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].message").value("enter at least 3 characters to search for"));
		api.get("/api/v1/search?q=\u202Eabc")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("U+202E")));
		var page = this.mvc.perform(get("/search?q=ab").session(login(viewer)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Search text: enter at least 3 characters");
	}

	@Test
	void theSearchPageFromTheNavigationLinksEachHitToItsPage() throws Exception {
		var world = this.fixtures.world("Ravenholt Systems");
		var session = login(world.pam());
		var home = this.mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("id=\"nav-search\"");
		var page = this.mvc.perform(get("/search").param("q", "Ravenholt").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/partners/" + world.partnerId() + "\"")
			.contains("href=\"/accounts/" + world.accountId() + "\"");
	}

	private void name(long dealId, String name) {
		this.jdbc.sql("UPDATE opportunity SET name = ? WHERE id = ?").params(name, dealId).update();
	}

	private void lead(com.trellis.support.Fixtures.World world, Viewer rep, String company) {
		var now = Timestamp.from(java.time.Instant.parse("2026-11-20T10:00:00Z"));
		this.jdbc.sql("""
				INSERT INTO partner_lead (partner_id, submitted_by, company_name, contact_name, status, routing_reason,
				                          rep_id, submitted_at, routed_at, follow_up_due_at)
				VALUES (?, ?, ?, 'Ada Contact', 'ROUTED', 'test', ?, ?, ?, ?)
				""")
			.params(world.partnerId(), world.partnerUser().userId(), company, rep.userId(), now, now, now)
			.update();
	}

	static RegistrationCommand registration(String customer) {
		return new RegistrationCommand(null, customer, null, "Replace the legacy order system before Q3",
				new BigDecimal("48000.00"), "USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
