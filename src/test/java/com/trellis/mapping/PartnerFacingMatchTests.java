package com.trellis.mapping;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a partner reads about its own list's matches says only that a company of its list
 * is (or may be) one of ours: never how many of our accounts share a domain, never our
 * account's name or id. The PAM still reads the full reason.
 */
@TrellisTest
class PartnerFacingMatchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPartnerNeverLearnsHowManyOfOurAccountsShareADomainNorTheirNames() throws Exception {
		var world = this.fixtures.world("Facing Match Partners");
		long ae = world.ae().userId();
		long bank = this.fixtures.account("Ashvale Bank", "ashvale-group.com", ae);
		this.fixtures.account("Ashvale Insurance", "ashvale-group.com", ae);
		this.fixtures.account("Ashvale Leasing", "ashvale-group.com", ae);
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
				.contentType(MediaType.valueOf("text/csv"))
				.content("company_name,web_domain,country,status\nAshvale Bank,ashvale-group.com,,customer\n"))
			.andExpect(status().isCreated());
		String url = "/api/v1/partners/" + world.partnerId() + "/account-list";
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).get(url)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].matchConfidence").value("AUTOMATIC"))
			.andExpect(jsonPath("$[0].matchReason").value("this company is one of our accounts too"))
			.andExpect(jsonPath("$[0].accountId").doesNotExist())
			.andExpect(content().string(allOf(not(containsString("3 candidates")), not(containsString("share")),
					not(containsString("Insurance")), not(containsString("Leasing")))));
		new Api(this.mvc, this.fixtures.token(world.pam())).get(url)
			.andExpect(jsonPath("$[0].accountId").value((int) bank))
			.andExpect(jsonPath("$[0].matchReason").value(containsString("3 candidates share the web domain")));
	}

}
