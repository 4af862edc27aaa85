package com.trellis.web;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner may type the customer's web address where a domain is asked for (a lead, a
 * registration): it is kept as the bare domain the accounts have ({@code acme.com}), not
 * as typed, so the record, the account made of it and the search agree.
 */
@TrellisTest
class WebAddressesKeptAsDomainsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadsAndARegistrationsWebAddressIsKeptAsItsBareDomain() throws Exception {
		var world = this.fixtures.world("Bare Domain Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		partner.post("/api/v1/leads", """
				{"companyName": "Bare Lead Co", "companyDomain": "HTTP://www.Bare-Lead.COM/contact?x=1",
				 "contactName": "Jo"}""").andExpect(status().isCreated());
		partner.post("/api/v1/registrations", """
				{"customerName": "Bare Registration Co", "customerDomain": "https://eu.Bare-Registration.com:443/",
				 "customerNeed": "Replace the legacy order system before Q3", "amount": 48000.00, "currency": "USD",
				 "expectedCloseDate": "2027-04-30", "creditType": "SOURCED"}""").andExpect(status().is2xxSuccessful());

		assertThat(this.jdbc.sql("SELECT company_domain FROM partner_lead WHERE company_name = 'Bare Lead Co'")
			.query(String.class)
			.single()).isEqualTo("bare-lead.com");
		assertThat(this.jdbc
			.sql("SELECT customer_domain FROM deal_registration WHERE customer_name = 'Bare Registration Co'")
			.query(String.class)
			.single()).isEqualTo("eu.bare-registration.com");
	}

}
