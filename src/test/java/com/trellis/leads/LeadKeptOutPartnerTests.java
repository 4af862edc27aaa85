package com.trellis.leads;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead of a partner that is a prospect or sunset now is neither routed nor accepted
 * (which would open a partner-sourced deal that earns a referral): refused naming
 * {@code partnerId}, through the API and the pages, and nothing changes.
 */
@TrellisTest
class LeadKeptOutPartnerTests {

	private static final String DEAL = """
			{"openDeal": true, "amount": 50000.00, "currency": "USD", "closeDate": "2027-03-31"}""";

	@Autowired
	Leads leads;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadOfAPartnerSunsetAfterItWasSubmittedIsNeitherRoutedNorAcceptedAndNothingChanges() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Sunset Lead Partner", pam.userId());
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'DORMANT' WHERE id = ?").param(partner).update();
		long account = this.fixtures.account("Sunset Routed Co", "sunset-routed-co.com", rep.userId());
		var waiting = this.leads.submit(pam,
				new LeadCommand(partner, "Nowhere Sunset Widgets", null, "Jo Buyer", null, null));
		var routed = this.leads.submit(pam,
				new LeadCommand(partner, "Sunset Routed Co", "sunset-routed-co.com", "Jo Buyer", null, null));
		assertThat(waiting.status()).isEqualTo(LeadStatus.SUBMITTED);
		assertThat(routed.status()).isEqualTo(LeadStatus.ROUTED);
		var adminApi = new Api(this.mvc, this.fixtures.token(admin));
		adminApi
			.post("/api/v1/partners/" + partner + "/lifecycle",
					"{\"toStatus\": \"SUNSET\", \"reason\": \"The partnership ended\"}")
			.andExpect(status().isOk());
		long deals = dealsOn(account);

		adminApi.post("/api/v1/leads/" + waiting.id() + "/route", "{\"repId\": " + rep.userId() + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
			.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot have its leads routed"));
		var other = this.fixtures.user(Role.AE);
		adminApi.post("/api/v1/leads/" + routed.id() + "/route", "{\"repId\": " + other.userId() + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerId"));
		var repApi = new Api(this.mvc, this.fixtures.token(rep));
		for (var body : new String[] { "{}", "{\"openDeal\": false}", DEAL }) {
			repApi.post("/api/v1/leads/" + routed.id() + "/accept", body)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
				.andExpect(jsonPath("$.errors[0].message").value("a sunset partner cannot have its leads accepted"));
		}

		var adminSession = login(admin);
		this.mvc
			.perform(post("/leads/" + waiting.id() + "/route").session(adminSession)
				.with(csrf())
				.param("repId", String.valueOf(rep.userId())))
			.andExpect(status().is3xxRedirection());
		var repSession = login(rep);
		this.mvc
			.perform(post("/leads/" + routed.id() + "/accept").session(repSession)
				.with(csrf())
				.param("openDeal", "true")
				.param("amount", "50000.00")
				.param("currency", "USD")
				.param("closeDate", "2027-03-31"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/leads/" + routed.id()).session(repSession))
			.andExpect(content().string(containsString("a sunset partner cannot have its leads accepted")))
			.andExpect(content().string(not(containsString("id=\"accept-button\""))));
		this.mvc.perform(get("/leads/" + waiting.id()).session(adminSession))
			.andExpect(content().string(not(containsString("id=\"route-button\""))));

		assertThat(this.leads.get(admin, waiting.id())).satisfies(lead -> {
			assertThat(lead.status()).isEqualTo(LeadStatus.SUBMITTED);
			assertThat(lead.repId()).isNull();
		});
		assertThat(this.leads.get(admin, routed.id())).satisfies(lead -> {
			assertThat(lead.status()).isEqualTo(LeadStatus.ROUTED);
			assertThat(lead.repId()).isEqualTo(rep.userId());
			assertThat(lead.routedAt()).isEqualTo(routed.routedAt());
			assertThat(lead.opportunityId()).isNull();
		});
		assertThat(dealsOn(account)).isEqualTo(deals);
		// the rep may still decline it
		repApi.post("/api/v1/leads/" + routed.id() + "/decline", "{\"reason\": \"The partner left\"}")
			.andExpect(status().isOk());
	}

	@Test
	void aLeadOfAPartnerBackToProspectIsNotRouted() {
		var admin = this.fixtures.user(Role.ADMIN);
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Prospect Lead Partner", pam.userId());
		var waiting = this.leads.submit(pam,
				new LeadCommand(partner, "Nowhere Prospect Widgets", null, "Jo Buyer", null, null));
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'PROSPECT' WHERE id = ?").param(partner).update();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.leads.route(admin, waiting.id(), rep.userId()))
			.isInstanceOfSatisfying(com.trellis.shared.InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field() + ": " + e.message())
						.containsExactly("partnerId: a prospect partner cannot have its leads routed"));
		assertThat(this.leads.get(admin, waiting.id()).status()).isEqualTo(LeadStatus.SUBMITTED);
	}

	private long dealsOn(long account) {
		return this.jdbc.sql("SELECT count(*) FROM opportunity WHERE account_id = ?")
			.param(account)
			.query(Long.class)
			.single();
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
