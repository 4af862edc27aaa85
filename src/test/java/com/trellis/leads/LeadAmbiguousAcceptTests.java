package com.trellis.leads;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead whose company matches more than one account (left for a person to decide) is
 * accepted with a deal only on the account the person names, one of the candidates; the
 * page's accept form offers them.
 */
@TrellisTest
class LeadAmbiguousAcceptTests {

	private static final String DEAL = """
			"openDeal": true, "amount": 50000.00, "currency": "USD", "closeDate": "2027-03-31\"""";

	@Autowired
	Leads leads;

	@Autowired
	Deals deals;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void anAmbiguousLeadOpensItsDealOnlyOnTheCandidateAccountThePersonNames() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		var leaver = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Ambiguous Lead Partner", pam.userId());
		long first = this.fixtures.account("Marlow Freight Holdings", "marlowshipping.co.uk", leaver.userId());
		long second = this.fixtures.account("Marlow Cruises Group", "marlowshipping.co.uk", rep.userId());
		long unrelated = this.fixtures.account("Unrelated Ambiguity Co", "unrelated-ambiguity.com", rep.userId());
		var lead = this.leads.submit(pam,
				new LeadCommand(partner, "Marlow Shipping", "marlowshipping.co.uk", "Jo Buyer", null, null));
		assertThat(lead.status()).isEqualTo(LeadStatus.SUBMITTED);
		assertThat(lead.routingReason()).contains("a person decides");
		this.leads.route(pam, lead.id(), rep.userId());

		var api = new Api(this.mvc, this.fixtures.token(rep));
		var url = "/api/v1/leads/" + lead.id() + "/accept";
		var candidates = "name the account the deal is on: one of " + first + ", " + second
				+ " (the lead's company matches each)";
		api.post(url, "{" + DEAL + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"))
			.andExpect(jsonPath("$.errors[0].message").value(candidates));
		api.post(url, "{" + DEAL + ", \"accountId\": " + unrelated + "}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"))
			.andExpect(jsonPath("$.errors[0].message").value(candidates));

		var session = login(rep);
		this.mvc
			.perform(post("/leads/" + lead.id() + "/accept").session(session)
				.with(csrf())
				.param("openDeal", "true")
				.param("amount", "50000.00")
				.param("currency", "USD")
				.param("closeDate", "2027-03-31"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/leads/" + lead.id()).session(session))
			.andExpect(content().string(containsString("id=\"accept-account\"")))
			.andExpect(content().string(containsString("value=\"" + second + "\"")))
			.andExpect(content().string(containsString("Marlow Freight Holdings")));
		assertThat(this.leads.get(rep, lead.id()).status()).isEqualTo(LeadStatus.ROUTED);

		api.post(url, "{" + DEAL + ", \"accountId\": " + second + "}").andExpect(status().isOk());
		var accepted = this.leads.get(rep, lead.id());
		assertThat(accepted.status()).isEqualTo(LeadStatus.ACCEPTED);
		assertThat(accepted.accountId()).isEqualTo(second);
		assertThat(this.deals.get(rep, accepted.opportunityId()).accountId()).isEqualTo(second);
	}

	@Test
	void aLeadMatchingOneAccountIsAcceptedOnItWithoutNamingIt() {
		var pam = this.fixtures.user(Role.PAM);
		var rep = this.fixtures.user(Role.AE);
		long partner = this.fixtures.partner("Single Match Lead Partner", pam.userId());
		long account = this.fixtures.account("Single Match Shipping", "single-match-shipping.com", rep.userId());
		var lead = this.leads.submit(pam,
				new LeadCommand(partner, "Single Match Shipping", "single-match-shipping.com", "Jo", null, null));
		var accepted = this.leads.accept(rep, lead.id(),
				new AcceptCommand(true, null, new BigDecimal("1000.00"), "USD", LocalDate.of(2027, 3, 31)));
		assertThat(accepted.accountId()).isEqualTo(account);
		assertThat(this.deals.get(rep, accepted.opportunityId()).accountId()).isEqualTo(account);
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
