package com.trellis.leads;

import com.trellis.identity.Role;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class LeadFollowUpTests {

	@Autowired
	Leads leads;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void anEmptyFirstFollowUpIsRefusedNamingTheFieldOnTheApiAndThePageAndCountsForNothing() throws Exception {
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Follow-up Partner", pam.userId());
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);
		this.fixtures.account("Follow Up Matchco", "followup-matchco.com", rep.userId());
		var lead = this.leads.submit(partnerUser, new LeadCommand(null, "Follow Up Matchco", "followup-matchco.com",
				"Jo Buyer", "jo@example.com", "Evaluating"));
		assertThat(lead.status()).isEqualTo(LeadStatus.ROUTED);

		var api = new Api(this.mvc, this.fixtures.token(rep));
		api.post("/api/v1/leads/" + lead.id() + "/follow-up", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		api.post("/api/v1/leads/" + lead.id() + "/follow-up", "{\"type\": \"FAX\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		var session = login(this.fixtures.email(rep));
		this.mvc
			.perform(post("/leads/" + lead.id() + "/follow-up").session(session)
				.with(csrf())
				.param("type", "")
				.param("note", ""))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/leads/" + lead.id()).session(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"follow-up-note-error\"")));
		assertThat(this.leads.get(rep, lead.id()).firstFollowUpAt()).isNull();

		api.post("/api/v1/leads/" + lead.id() + "/follow-up", "{\"type\": \"CALL\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.followUpType").value("CALL"));
		assertThat(this.leads.get(rep, lead.id()).firstFollowUpAt()).isNotNull();
	}

	@Test
	void aFollowUpTypeIsReadOnlyFromItsExactNameAndOtherwiseRefusedNamingTypeWithTheChoices() throws Exception {
		var rep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Strict Type Partner", pam.userId());
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);
		this.fixtures.account("Strict Type Matchco", "strict-type-matchco.com", rep.userId());
		var lead = this.leads.submit(partnerUser, new LeadCommand(null, "Strict Type Matchco",
				"strict-type-matchco.com", "Jo Buyer", "jo@example.com", null));
		var api = new Api(this.mvc, this.fixtures.token(rep));
		for (var loose : new String[] { "call", "e-mail", "E-MAIL", " CALL" }) {
			api.post("/api/v1/leads/" + lead.id() + "/follow-up", "{\"type\": \"" + loose + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("type"))
				.andExpect(jsonPath("$.errors[0].message").value("must be one of CALL, MEETING, EMAIL"));
		}
		assertThat(this.leads.get(rep, lead.id()).firstFollowUpAt()).isNull();
		api.post("/api/v1/leads/" + lead.id() + "/follow-up", "{\"type\": \"EMAIL\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.followUpType").value("EMAIL"));
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
