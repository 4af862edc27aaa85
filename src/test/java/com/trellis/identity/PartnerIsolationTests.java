package com.trellis.identity;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first security rule of the product: a partner user never sees another partner's
 * data, through the API, the pages or the exports, and guessing an id answers 404.
 */
@TrellisTest
class PartnerIsolationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	com.trellis.leads.Leads leads;

	@Autowired
	com.trellis.cosell.CoSellRequests cosell;

	@Autowired
	com.trellis.plays.Plays plays;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	World a;

	World b;

	Api apiOfA;

	@BeforeEach
	void twoPartners() {
		this.a = this.fixtures.world("Isolation Alpha");
		this.b = this.fixtures.world("Isolation Beta");
		this.apiOfA = new Api(this.mvc, this.fixtures.token(this.a.partnerUser()));
	}

	@Test
	void partnerUserListsOnlyTheirOwnPartnerThroughTheApi() throws Exception {
		this.apiOfA.get("/api/v1/partners?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(this.a.partnerId()));
		this.apiOfA.get("/api/v1/partners?q=Isolation Beta").andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void partnerUserNeitherSeesNorActsOnAnotherPartnersRecommendations() throws Exception {
		long id = this.jdbc.sql("""
				INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
				    action_link, shown_on, last_seen_on)
				SELECT :user, :partner, 'ACTIVATION_MILESTONE', 'partner:' || :partner || ':FIRST', 'Beta milestone',
				    'Beta reason', 'Open', '/', max(day), max(day) FROM guidance_run
				RETURNING id
				""")
			.param("user", this.b.partnerUser().userId())
			.param("partner", this.b.partnerId())
			.query(Long.class)
			.single();
		new Api(this.mvc, this.fixtures.token(this.b.partnerUser())).get("/api/v1/guidance")
			.andExpect(jsonPath("$[?(@.id == " + id + ")].title").value("Beta milestone"));

		this.apiOfA.get("/api/v1/guidance")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
		this.apiOfA.post("/api/v1/guidance/" + id + "/accept", "").andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/guidance/" + id + "/dismiss", "{}").andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT state FROM guidance_recommendation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void partnerUserSearchingFindsNothingOfAnotherPartner() throws Exception {
		// every world's account is "<partner> customer" and its deal "Fixture deal"
		this.apiOfA.get("/api/v1/search?q=Isolation")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partners[*].id").value(org.hamcrest.Matchers.contains((int) this.a.partnerId())))
			.andExpect(jsonPath("$.accounts").isEmpty());
		this.apiOfA.get("/api/v1/search?q=Fixture deal")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deals[*].id")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) this.b.dealId()))));
	}

	@Test
	void partnerUserCannotSeeAnotherPartnersDealsThroughTheApi() throws Exception {
		this.apiOfA.get("/api/v1/opportunities?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId").value(everyItem(is((int) this.a.partnerId()))));
		// naming another partner is refused, as everywhere a partner user names one
		// (try51:
		// the list answered empty)
		this.apiOfA.get("/api/v1/opportunities?partnerId=" + this.b.partnerId())
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("own partner")));
		this.apiOfA.get("/api/v1/opportunities?partnerId=" + this.a.partnerId()).andExpect(status().isOk());
	}

	@Test
	void partnerUserNeverSeesThePlaysAnotherPartnerUsedOnADeal() throws Exception {
		var admin = this.fixtures.user(com.trellis.identity.Role.ADMIN);
		long play = this.plays
			.create(admin,
					new com.trellis.plays.PlayCommand("Isolation play", "DISCOVERY", "AE", "CIO", "They run it",
							"Early", "Slow rollout", java.util.List.of("SI"), java.util.List.of(), java.util.List.of()))
			.id();
		this.apiOfA.post("/api/v1/opportunities/" + this.a.dealId() + "/plays", "{\"playId\": " + play + "}")
			.andExpect(status().isCreated());
		var apiOfB = new Api(this.mvc, this.fixtures.token(this.b.partnerUser()));
		apiOfB.get("/api/v1/opportunities/" + this.a.dealId() + "/plays").andExpect(status().isNotFound());
		// the deal moves to partner B: B sees the deal, not the play A used on it
		this.jdbc.sql("UPDATE opportunity SET partner_id = ? WHERE id = ?")
			.params(this.b.partnerId(), this.a.dealId())
			.update();
		apiOfB.get("/api/v1/opportunities/" + this.a.dealId() + "/plays")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		new Api(this.mvc, this.fixtures.token(this.a.pam())).get("/api/v1/opportunities/" + this.a.dealId() + "/plays")
			.andExpect(jsonPath("$[0].partnerId").value((int) this.a.partnerId()));
	}

	@Test
	void partnerUserReadsNoPartnerFitAndNoPlayRecommendationsOfAnotherPartnersDeal() throws Exception {
		// partner fit ranks partners and names vendor deals: for vendor staff only, even
		// on
		// the partner's own deal
		this.apiOfA.get("/api/v1/opportunities/" + this.b.dealId() + "/partner-fit").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/opportunities/" + this.a.dealId() + "/partner-fit").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/opportunities/" + this.b.dealId() + "/plays/recommended")
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/opportunities/" + this.a.dealId() + "/plays/recommended").andExpect(status().isOk());
		new Api(this.mvc, this.fixtures.token(this.a.ae()))
			.get("/api/v1/opportunities/" + this.a.dealId() + "/partner-fit")
			.andExpect(status().isOk());
	}

	@Test
	void guessingAnotherPartnersIdsAnswersNotFound() throws Exception {
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId()).andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/opportunities/" + this.b.dealId()).andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/opportunities/" + this.a.dealId()).andExpect(status().isOk());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/readiness").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/readiness/versions.csv")
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/cohorts").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/cohorts.csv").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/cohorts").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/partners/" + this.a.partnerId() + "/cohorts").andExpect(status().isOk());
	}

	@Test
	void partnerUserNeitherReadsNorAnswersAnotherPartnersMaturityAssessment() throws Exception {
		var answers = com.trellis.maturity.Questionnaire.PARTNER.questions()
			.stream()
			.map(q -> "\"" + q.id() + "\": 1")
			.collect(java.util.stream.Collectors.joining(", ", "{\"answers\": {", "}}"));
		var apiOfB = new Api(this.mvc, this.fixtures.token(this.b.partnerUser()));
		apiOfB.post("/api/v1/maturity/partners/" + this.b.partnerId(), answers).andExpect(status().isCreated());
		this.apiOfA.get("/api/v1/maturity/partners/" + this.b.partnerId()).andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/maturity/partners/" + this.b.partnerId(), answers).andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/maturity/partners/" + this.b.partnerId(), "{\"answers\": 1")
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/maturity/program").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/maturity/partner-levels").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/maturity/partners/" + this.a.partnerId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.latest").doesNotExist());
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/partners/" + this.b.partnerId() + "/maturity").session(session))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT count(*) FROM maturity_assessment WHERE partner_id = :p")
			.param("p", this.b.partnerId())
			.query(Long.class)
			.single()).as("only B's own assessment").isEqualTo(1);
	}

	@Test
	void partnerUsersDoNotReadTheVendorsAccounts() throws Exception {
		this.apiOfA.get("/api/v1/accounts").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/accounts/" + this.a.accountId()).andExpect(status().isForbidden());
	}

	@Test
	void partnerUserCannotOpenAnotherPartnersPagesOrExportTheirRecords() throws Exception {
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/partners/" + this.b.partnerId()).session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/opportunities/" + this.b.dealId()).session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/partners/" + this.a.partnerId()).session(session)).andExpect(status().isOk());

		var deals = this.mvc.perform(get("/opportunities/export.csv").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(deals).contains("Isolation Alpha customer").doesNotContain("Isolation Beta");
		var partners = this.mvc.perform(get("/partners/export.csv").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(partners.lines()).hasSize(2);
		assertThat(partners).contains("Isolation Alpha").doesNotContain("Isolation Beta");
	}

	@Test
	void partnerUserCannotListOpenOrWorkAnotherPartnersLeads() throws Exception {
		var ownLead = this.leads.submit(this.a.partnerUser(),
				new com.trellis.leads.LeadCommand(null, "Isolation Alpha lead", null, "Jo", null, null));
		var otherLead = this.leads.submit(this.b.partnerUser(),
				new com.trellis.leads.LeadCommand(null, "Isolation Beta lead", null, "Jo", null, null));
		this.apiOfA.get("/api/v1/leads?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId").value(everyItem(is((int) this.a.partnerId()))))
			.andExpect(jsonPath("$.items[0].id").value(ownLead.id()));
		this.apiOfA.get("/api/v1/leads/" + otherLead.id()).andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/leads/" + ownLead.id())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(org.hamcrest.Matchers.nullValue()));
		this.apiOfA.post("/api/v1/leads/" + otherLead.id() + "/follow-up", "{}").andExpect(status().isForbidden());
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/leads/" + otherLead.id()).session(session)).andExpect(status().isNotFound());
		var list = this.mvc.perform(get("/leads").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Isolation Alpha lead").doesNotContain("Isolation Beta lead");
	}

	@Test
	void partnerUserNamingAnotherPartnerIsRefusedNotReadAsTheirOwn() throws Exception {
		long before = this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE company_name = 'Isolation Gamma lead'")
			.query(Long.class)
			.single();
		this.apiOfA
			.post("/api/v1/leads",
					"{\"partnerId\": " + this.b.partnerId()
							+ ", \"companyName\": \"Isolation Gamma lead\", \"contactName\": \"Jo\"}")
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE company_name = 'Isolation Gamma lead'")
			.query(Long.class)
			.single()).isEqualTo(before);
		this.apiOfA
			.post("/api/v1/leads",
					"{\"partnerId\": " + this.a.partnerId()
							+ ", \"companyName\": \"Isolation Gamma lead\", \"contactName\": \"Jo\"}")
			.andExpect(status().is2xxSuccessful());
		this.apiOfA
			.post("/api/v1/registrations",
					"{\"partnerId\": " + this.b.partnerId()
							+ ", \"customerName\": \"Isolation Gamma Corp\", \"amount\": 1000, \"currency\": \"USD\"}")
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM deal_registration WHERE customer_name = 'Isolation Gamma Corp'")
			.query(Long.class)
			.single()).isZero();
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/notifications?partnerId=" + this.b.partnerId()).session(session))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/notifications?partnerId=" + this.a.partnerId()).session(session))
			.andExpect(status().isOk());
	}

	@Test
	void partnerUserSeesOnlyItsOwnCoSellRequestsAndScoresAndNoRanking() throws Exception {
		var toA = this.cosell.request(this.a.ae(), this.a.dealId(),
				new com.trellis.cosell.RequestCoSell(this.a.partnerId(), "Isolation Alpha ask"));
		var toB = this.cosell.request(this.b.ae(), this.b.dealId(),
				new com.trellis.cosell.RequestCoSell(this.b.partnerId(), "Isolation Beta ask"));
		this.apiOfA.get("/api/v1/cosell-requests?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId").value(everyItem(is((int) this.a.partnerId()))))
			.andExpect(jsonPath("$.items[0].id").value(toA.id()));
		this.apiOfA.get("/api/v1/opportunities/" + this.b.dealId() + "/cosell-requests")
			.andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/cosell-requests/" + toB.id() + "/answer", "{\"accept\": true}")
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/scores").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.a.partnerId() + "/scores").andExpect(status().isOk());
		this.apiOfA.get("/api/v1/scores").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/scores/export.csv").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/tier").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/tier/history").andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/tier/history.csv")
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/partners/" + this.a.partnerId() + "/tier")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnerId").value((int) this.a.partnerId()));
		this.apiOfA.get("/api/v1/tiers/changes").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/tiers/changes/export.csv").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/tiers/trend").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/tiers/overrides").andExpect(status().isForbidden());
	}

	@Test
	void partnerUserSeesOnlyItsOwnAccountPlansAndListsAndNothingOfTheAeView() throws Exception {
		long planOfB = plan(this.b);
		long planOfA = plan(this.a);
		this.apiOfA.get("/api/v1/account-plans")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId").value(everyItem(is((int) this.a.partnerId()))))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains((int) planOfA)));
		this.apiOfA.get("/api/v1/account-plans/" + planOfB).andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/account-plans/" + planOfB + "/actions", "{}").andExpect(status().isNotFound());
		this.apiOfA.post("/api/v1/account-plans/" + planOfB + "/close", "{}").andExpect(status().isNotFound());
		long actionOfB = this.jdbc.sql("""
				INSERT INTO account_plan_action (plan_id, description, side, due_on, status, created_at, updated_at)
				VALUES (:plan, 'Isolation action', 'PARTNER', DATE '2026-12-01', 'OPEN', now(), now()) RETURNING id
				""").param("plan", planOfB).query(Long.class).single();
		this.apiOfA
			.put("/api/v1/account-plans/" + planOfB + "/actions/" + actionOfB + "/status", "{\"status\": \"DONE\"}")
			.andExpect(status().isNotFound());
		assertThat(this.apiOfA.get("/api/v1/account-plans/export.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Isolation plan of " + this.a.partnerId())
			.doesNotContain("Isolation plan of " + this.b.partnerId());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/account-list").andExpect(status().isNotFound());
		// the partners at an account are for vendor staff: refused by role, whatever the
		// id
		this.apiOfA.get("/api/v1/accounts/" + this.b.accountId() + "/partners")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This is for vendor staff"));
		this.apiOfA.get("/api/v1/opportunities/" + this.a.dealId() + "/partners")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This is for vendor staff"));
		var session = login(this.a.partnerUser());
		var page = this.mvc.perform(get("/account-plans").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Isolation plan of " + this.a.partnerId())
			.doesNotContain("Isolation plan of " + this.b.partnerId());
		this.mvc.perform(get("/account-plans/" + planOfB).session(session)).andExpect(status().isNotFound());
	}

	private long plan(World w) {
		return this.fixtures.accountPlan(w, "Isolation plan of " + w.partnerId());
	}

	@Test
	void partnerUserSeesOnlyItsOwnCoSellRequestsAndAccountListOnThePages() throws Exception {
		this.cosell.request(this.a.ae(), this.a.dealId(),
				new com.trellis.cosell.RequestCoSell(this.a.partnerId(), "Isolation page ask to Alpha"));
		var toB = this.cosell.request(this.b.ae(), this.b.dealId(),
				new com.trellis.cosell.RequestCoSell(this.b.partnerId(), "Isolation page ask to Beta"));
		var session = login(this.a.partnerUser());
		var list = this.mvc.perform(get("/cosell").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Isolation page ask to Alpha").doesNotContain("Isolation page ask to Beta");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/cosell/" + toB.id() + "/answer")
				.param("accept", "true")
				.session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/partners/" + this.b.partnerId() + "/account-list").session(session))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/partners/" + this.b.partnerId() + "/overlaps").session(session))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/opportunities/" + this.a.dealId() + "/cosell").session(session))
			.andExpect(status().isForbidden());
	}

	@Test
	void partnerUserIsSentToTheirOwnPortal() throws Exception {
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
		var portal = this.mvc.perform(get("/portal").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(portal).contains("Isolation Alpha").doesNotContain("Isolation Beta");
		this.mvc.perform(get("/accounts").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void partnerUserCannotListOrAdministerUsers() throws Exception {
		this.apiOfA.get("/api/v1/users").andExpect(status().isForbidden());
		this.apiOfA.get("/api/v1/users/" + this.b.partnerUser().userId()).andExpect(status().isForbidden());
		this.apiOfA.post("/api/v1/users/" + this.b.partnerUser().userId() + "/deactivate", "")
			.andExpect(status().isForbidden());
		this.apiOfA.post("/api/v1/users/" + this.b.pam().userId() + "/reassign", "{}")
			.andExpect(status().isForbidden());
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users/" + this.b.partnerUser().userId()).session(session))
			.andExpect(status().isForbidden());
	}

	MockHttpSession login(Viewer viewer) throws Exception {
		var email = this.fixtures.email(viewer);
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void partnerUsersInviteOnlyToTheirOwnPartnerAndSeeNoOtherPartnersInvitations() throws Exception {
		var body = "{\"name\": \"Colleague\", \"email\": \"colleague%d@alpha.example\"}".formatted(System.nanoTime());
		this.apiOfA.post("/api/v1/partners/" + this.b.partnerId() + "/invitations", body)
			.andExpect(status().isForbidden());
		this.apiOfA.post("/api/v1/partners/" + this.b.partnerId() + "/invitations", "{\"email\": 1}")
			.andExpect(status().isForbidden());
		this.apiOfA.post("/api/v1/partners/" + this.a.partnerId() + "/invitations", body)
			.andExpect(status().isCreated());
		this.apiOfA.get("/api/v1/partners/" + this.b.partnerId() + "/invitations").andExpect(status().isForbidden());
		var session = login(this.a.partnerUser());
		this.mvc.perform(get("/partners/" + this.b.partnerId() + "/invitations").session(session))
			.andExpect(status().isForbidden());
		var ownPage = this.mvc.perform(get("/partners/" + this.a.partnerId()).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownPage).doesNotContain("/invitations");
	}

	@Test
	void aPamCannotInviteToAPartnerOutsideTheirBook() throws Exception {
		var pamOfA = new Api(this.mvc, this.fixtures.token(this.a.pam()));
		var body = "{\"name\": \"Not Mine\", \"email\": \"notmine%d@beta.example\"}".formatted(System.nanoTime());
		pamOfA.post("/api/v1/partners/" + this.b.partnerId() + "/invitations", body).andExpect(status().isForbidden());
		pamOfA.post("/api/v1/partners/" + this.b.partnerId() + "/invitations", "{\"email\": 1}")
			.andExpect(status().isForbidden());
		pamOfA.get("/api/v1/partners/" + this.b.partnerId() + "/invitations").andExpect(status().isForbidden());
		pamOfA.post("/api/v1/partners/" + this.a.partnerId() + "/invitations", body).andExpect(status().isCreated());
	}

	@Test
	void partnerUserNeverSeesAnotherPartnersMarketplaceTransactionsOrVelocity() throws Exception {
		var now = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-01T10:00:00Z"));
		for (var world : java.util.List.of(this.a, this.b)) {
			this.jdbc.sql("""
					INSERT INTO marketplace_transaction (source_id, partner_id, customer, listing, amount, currency,
					                                     transacted_on, recorded_at, updated_at)
					VALUES (:source, :partner, :customer, 'Listing', 10.00, 'USD', DATE '2026-11-01', :at, :at)
					""")
				.param("source", "iso-" + System.nanoTime())
				.param("partner", world.partnerId())
				.param("customer", "Marketplace customer of " + world.partnerId())
				.param("at", now)
				.update();
		}
		var list = this.apiOfA.get("/api/v1/marketplace/transactions?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId").value(everyItem(is((int) this.a.partnerId()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Marketplace customer of " + this.a.partnerId())
			.doesNotContain("Marketplace customer of " + this.b.partnerId());
		this.apiOfA.get("/api/v1/marketplace/transactions?partner=" + this.b.partnerId())
			.andExpect(status().isNotFound());
		this.apiOfA.get("/api/v1/marketplace/transactions.csv?partner=" + this.b.partnerId())
			.andExpect(status().isNotFound());
		var csv = this.apiOfA.get("/api/v1/marketplace/transactions.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).doesNotContain("Marketplace customer of " + this.b.partnerId());
		this.apiOfA.get("/api/v1/roi")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marketplace[*].partnerId").value(everyItem(is((int) this.a.partnerId()))))
			.andExpect(jsonPath("$.cohorts[*].partners").value(everyItem(is(1))));
		var totals = this.apiOfA.get("/api/v1/roi/totals.csv").andReturn().getResponse().getContentAsString();
		assertThat(totals).contains("ALL,ALL,").doesNotContain("Isolation Beta");
	}

}
