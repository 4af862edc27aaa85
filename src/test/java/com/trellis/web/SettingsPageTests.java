package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 13 item 7: the admin's settings and the partner, account and direct deal records
 * have pages with the API's checks. A bad field is named next to it with 400 and nothing
 * is saved; what is saved is audited as through the API.
 */
@TrellisTest
class SettingsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNewPartnerPageIsAFormNotAnErrorPage() throws Exception {
		var page = this.mvc.perform(get("/partners/new").session(login(this.fixtures.user(Role.ADMIN))))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"partner-form\"");
	}

	@Test
	void aPartnerFormWithBadFieldsNamesEachOneAnswers400AndSavesNothing() throws Exception {
		long before = count("partner");
		var page = send(post("/partners/new").param("name", "")
			.param("type", "NOT_A_TYPE")
			.param("webDomain", "https://bad domain")
			.param("region", "EMEA")
			.param("onboardedOn", "31/12/2026")
			.param("ownerPamId", "")
			.param("tier", "TIER_3_BASELINE"), this.fixtures.user(Role.ADMIN));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"partner-form\"", "must be one of the choices offered",
				"must be a bare web domain", "must be a date written yyyy-mm-dd, such as 2026-12-31");
		assertThat(page.errorsShown()).isGreaterThanOrEqualTo(5);
		assertThat(count("partner")).isEqualTo(before);
	}

	@Test
	void aPartnerAddedAndEditedOnPagesIsSavedAndAuditedAsThroughTheApi() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		var created = send(post("/partners/new").param("name", "Page Made Partners")
			.param("type", "RESELLER")
			.param("webDomain", "page-made.example")
			.param("verticals", "Retail, Logistics")
			.param("region", "EMEA")
			.param("onboardedOn", "2026-11-02")
			.param("ownerPamId", String.valueOf(pam.userId()))
			.param("tier", "TIER_3_BASELINE"), admin);
		assertThat(created.status()).isEqualTo(302);
		long id = this.jdbc.sql("SELECT id FROM partner WHERE name = 'Page Made Partners'").query(Long.class).single();
		assertThat(created.location()).isEqualTo("/partners/" + id);
		assertThat(audited("partner", id, "created")).isTrue();
		var version = this.jdbc.sql("SELECT version FROM partner WHERE id = ?").param(id).query(String.class).single();
		var stale = send(post("/partners/" + id + "/edit").param("name", "Page Made Partners")
			.param("version", "-1")
			.param("type", "RESELLER")
			.param("webDomain", "page-made.example")
			.param("verticals", "Retail")
			.param("region", "LATAM")
			.param("onboardedOn", "2026-11-02")
			.param("ownerPamId", String.valueOf(pam.userId()))
			.param("tier", "TIER_2_EMERGING"), admin);
		// a form opened before another change is refused, not saved over it (s52)
		assertThat(stale.status()).isEqualTo(409);
		var edited = send(post("/partners/" + id + "/edit").param("name", "Page Made Partners")
			.param("version", version)
			.param("type", "RESELLER")
			.param("webDomain", "page-made.example")
			.param("verticals", "Retail")
			.param("region", "APAC")
			.param("onboardedOn", "2026-11-02")
			.param("ownerPamId", String.valueOf(pam.userId()))
			.param("tier", "TIER_2_EMERGING"), admin);
		assertThat(edited.status()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT region FROM partner WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("APAC");
		assertThat(audited("partner", id, "updated")).isTrue();
	}

	@Test
	void anAccountAndADirectDealAreCreatedFromPagesAndBadInputIsNamed() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		long accounts = count("account");
		var bad = send(post("/accounts/new").param("name", "Paged Account Ltd")
			.param("webDomain", "not a domain")
			.param("country", "UK")
			.param("employeeBand", "lots")
			.param("ownerAeId", String.valueOf(ae.userId())), ae);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("must be a bare web domain", "must be one of 1-50",
				"must be a two-letter ISO 3166 country code");
		assertThat(count("account")).isEqualTo(accounts);
		var made = send(post("/accounts/new").param("name", "Paged Account Ltd")
			.param("webDomain", "paged-account.example")
			.param("employeeBand", "51-200")
			.param("country", "de")
			.param("ownerAeId", String.valueOf(ae.userId())), ae);
		assertThat(made.status()).isEqualTo(302);
		long account = Long.parseLong(made.location().substring("/accounts/".length()));
		assertThat(audited("account", account, "created")).isTrue();
		var form = this.mvc.perform(get("/accounts/" + account + "/edit").session(login(ae))).andReturn().getResponse();
		assertThat(form.getContentAsString()).contains("name=\"country\"", "value=\"DE\"");
		assertThat(this.jdbc.sql("SELECT country FROM account WHERE id = :id")
			.param("id", account)
			.query(String.class)
			.single()).isEqualTo("DE");
		// an edit form opened before another change is refused, not saved over it (s52)
		for (var version : new String[] { "-1",
				String.valueOf(this.jdbc.sql("SELECT version FROM account WHERE id = ?")
					.param(account)
					.query(Long.class)
					.single()) }) {
			var edited = send(post("/accounts/" + account + "/edit").param("version", version)
				.param("name", "Paged Account Ltd")
				.param("webDomain", "paged-account.example")
				.param("employeeBand", "51-200")
				.param("country", "AT")
				.param("ownerAeId", String.valueOf(ae.userId())), ae);
			assertThat(edited.status()).as(version).isEqualTo(version.equals("-1") ? 409 : 302);
		}
		assertThat(
				this.jdbc.sql("SELECT country FROM account WHERE id = ?").param(account).query(String.class).single())
			.isEqualTo("AT");

		long deals = count("opportunity");
		var badDeal = send(post("/opportunities/new").param("accountId", String.valueOf(account))
			.param("name", "Paged renewal")
			.param("amount", "12.345")
			.param("currency", "USD")
			.param("stage", "CLOSED_WON")
			.param("closeDate", "2027-02-30")
			.param("ownerId", String.valueOf(ae.userId())), ae);
		assertThat(badDeal.status()).isEqualTo(400);
		// a day written right that the calendar has not is told so, not how to write a
		// day
		// (s55)
		assertThat(badDeal.body()).contains("id=\"deal-form\"", "names no day of the calendar");
		assertThat(count("opportunity")).isEqualTo(deals);
		var deal = send(post("/opportunities/new").param("accountId", String.valueOf(account))
			.param("name", "Paged renewal")
			.param("amount", "75,000.00")
			.param("currency", "USD")
			.param("stage", "QUALIFIED")
			.param("closeDate", "2027-02-26")
			.param("ownerId", String.valueOf(ae.userId())), ae);
		assertThat(deal.status()).as(deal.body()).isEqualTo(302);
		long dealId = Long.parseLong(deal.location().substring("/opportunities/".length()));
		assertThat(this.jdbc.sql("SELECT amount FROM opportunity WHERE id = ? AND source = 'DIRECT'")
			.param(dealId)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("75000");
		assertThat(audited("opportunity", dealId, "created")).isTrue();
	}

	@Test
	void anIncentiveProgramIsDefinedOnItsPageWithTheApisRules() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long programs = count("incentive_program");
		var bad = send(post("/incentives/programs/new").param("name", "Paged referral")
			.param("kind", "REFERRAL")
			.param("currency", "USD")
			.param("startsOn", "2026-12-01")
			.param("sourcedPercent", "3")
			.param("influencedPercent", "5")
			.param("coSellPercent", "abc"), admin);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"program-form\"");
		assertThat(bad.errorsShown()).isPositive();
		assertThat(count("incentive_program")).isEqualTo(programs);
		var badTiers = send(post("/incentives/programs/new").param("name", "Paged MDF")
			.param("kind", "MDF")
			.param("currency", "USD")
			.param("startsOn", "2026-12-01")
			.param("tiers", "50000 5000"), admin);
		assertThat(badTiers.status()).isEqualTo(400);
		assertThat(badTiers.body()).contains("write each tier as threshold: value");
		var made = send(post("/incentives/programs/new").param("name", "Paged MDF")
			.param("kind", "MDF")
			.param("currency", "USD")
			.param("startsOn", "2026-12-01")
			.param("tiers", "50,000: 5000\n150000: 15000"), admin);
		assertThat(made.status()).as(made.body()).isEqualTo(302);
		long id = this.jdbc.sql("SELECT id FROM incentive_program WHERE name = 'Paged MDF'").query(Long.class).single();
		assertThat(audited("incentive-program", id, "created")).isTrue();
	}

	@Test
	void aPartnersSlackWebhookIsSetOnAPageCheckedAndAudited() throws Exception {
		var world = this.fixtures.world("Paged Slack Partners");
		var bad = send(post("/partners/" + world.partnerId() + "/slack").param("url", "http://127.0.0.1/hook"),
				world.pam());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"slack-form\"");
		assertThat(bad.errorsShown()).isEqualTo(1);
		var saved = send(post("/partners/" + world.partnerId() + "/slack").param("url",
				"https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX"), world.pam());
		assertThat(saved.status()).isEqualTo(302);
		assertThat(audited("partner-slack-webhook", world.partnerId(), "Slack webhook set")).isTrue();
		var page = send(get("/partners/" + world.partnerId() + "/slack"), world.pam());
		assertThat(page.body()).contains("https://hooks.slack.com/services/…XXXX").doesNotContain("B000/XXXXXXXXXXXX");
	}

	@Test
	void aPamsBookIsReassignedOnAPageWithAReason() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var from = this.fixtures.user(Role.PAM);
		var to = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Paged Book Partners", from.userId());
		var bad = send(post("/partners/reassign").param("fromPamId", String.valueOf(from.userId()))
			.param("toPamId", "")
			.param("reason", ""), admin);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorsShown()).isEqualTo(2);
		assertThat(owner(partner)).isEqualTo(from.userId());
		var moved = send(post("/partners/reassign").param("fromPamId", String.valueOf(from.userId()))
			.param("toPamId", String.valueOf(to.userId()))
			.param("reason", "Priya moves to the EMEA team"), admin);
		assertThat(moved.status()).isEqualTo(302);
		assertThat(owner(partner)).isEqualTo(to.userId());
		assertThat(audited("pam-book", from.userId(), "reassigned to " + to.userId())).isTrue();
	}

	@Test
	void theRulesAndStagePagesNameTheBadFieldNextToItAndSaveNothing() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var rules = send(post("/registrations/rules").param("protectionDays", "abc")
			.param("laterRegistration", "HOLD")
			.param("approvalSlaBusinessDays", "2")
			.param("extensionDays", "30")
			.param("sourcedShare", "20")
			.param("influencedShare", "10")
			.param("coSellShare", "15"), admin);
		assertThat(rules.status()).isEqualTo(400);
		assertThat(rules.errorsShown()).isEqualTo(1);
		var stage = send(post("/process/stages/QUALIFIED").param("name", "Qualified")
			.param("ownerRole", "AE")
			.param("exitCriterion", "Budget confirmed")
			.param("normDays", "abc"), admin);
		assertThat(stage.status()).isEqualTo(400);
		assertThat(stage.body()).contains("must be a whole number", "<nav");
	}

	@Test
	void theRulesPageNamesAnUnreadableFieldAndTheOutOfRangeOnesInOneRound() throws Exception {
		var rules = send(post("/registrations/rules").param("protectionDays", "abc")
			.param("laterRegistration", "HOLD")
			.param("approvalSlaBusinessDays", "-1")
			.param("extensionDays", "30")
			.param("sourcedShare", "150")
			.param("influencedShare", "10")
			.param("coSellShare", "15"), this.fixtures.user(Role.ADMIN));
		assertThat(rules.status()).isEqualTo(400);
		assertThat(rules.errorsShown()).isEqualTo(3);
		assertThat(rules.body()).contains("must be a number: a whole number", "must be greater than or equal to 1",
				"must be less than or equal to 100");
	}

	@Test
	void theRegistrationFormNamesAnEmptyCurrencyAndTheOtherMissingFieldsInOneRound() throws Exception {
		var partnerUser = this.fixtures.world("One Round Partners").partnerUser();
		var page = send(post("/registrations").param("customerName", "")
			.param("customerDomain", "")
			.param("customerNeed", "")
			.param("amount", "")
			.param("currency", "")
			.param("expectedCloseDate", "")
			.param("creditType", "SOURCED"), partnerUser);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.errorsShown()).isEqualTo(5);
		assertThat(page.body()).contains("name the customer&#39;s company", "give the expected amount",
				"is required (an ISO 4217 code such as USD)");
	}

	private long owner(long partnerId) {
		return this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = ?")
			.param(partnerId)
			.query(Long.class)
			.single();
	}

	private boolean audited(String type, long id, String actionStart) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = ? AND entity_id = ? AND action LIKE ?")
			.params(type, String.valueOf(id), actionStart + "%")
			.query(Long.class)
			.single() > 0;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private Answer send(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
		var response = this.mvc.perform(request.session(login(viewer)).with(csrf())).andReturn().getResponse();
		return new Answer(response.getStatus(), response.getContentAsString(), response.getRedirectedUrl());
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	record Answer(int status, String body, String location) {

		/** How many field errors the page shows next to their fields. */
		long errorsShown() {
			return this.body.split("<small class=\"error\"", -1).length - 1;
		}

	}

}
