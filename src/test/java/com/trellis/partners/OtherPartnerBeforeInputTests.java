package com.trellis.partners;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Fixtures.World;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner user who names another partner in a lead or a registration is refused (403)
 * before the rest of the request is read: bad input sent for another partner is never
 * answered with a 400 listing its fields, on the API or the page forms, and nothing is
 * written.
 */
@TrellisTest
class OtherPartnerBeforeInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	World own;

	World other;

	Api api;

	@BeforeEach
	void twoPartners() {
		this.own = this.fixtures.world("Before Input Own");
		this.other = this.fixtures.world("Before Input Other");
		this.api = new Api(this.mvc, this.fixtures.token(this.own.partnerUser()));
	}

	@Test
	void anotherPartnersLeadOrRegistrationWithBadInputIsForbiddenThroughTheApi() throws Exception {
		long leads = leads();
		this.api
			.post("/api/v1/leads",
					"{\"partnerId\": " + this.other.partnerId() + ", \"companyName\": 5, \"contactName\": \"\"}")
			.andExpect(status().isForbidden());
		this.api.post("/api/v1/registrations", "{\"partnerId\": " + this.other.partnerId() + ", \"amount\": \"abc\"}")
			.andExpect(status().isForbidden());
		// their own partner, or none named: the bad fields are named as before
		this.api.post("/api/v1/leads", "{\"partnerId\": " + this.own.partnerId() + ", \"companyName\": 5}")
			.andExpect(status().isBadRequest());
		this.api.post("/api/v1/leads", "{\"companyName\": 5}").andExpect(status().isBadRequest());
		assertThat(leads()).isEqualTo(leads);
	}

	@Test
	void anotherPartnersLeadOrRegistrationWithBadInputIsForbiddenOnThePages() throws Exception {
		long leads = leads();
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(this.own.partnerUser());
		this.mvc
			.perform(post("/leads").session(session)
				.with(csrf())
				.param("partnerId", String.valueOf(this.other.partnerId()))
				.param("companyName", "")
				.param("contactName", ""))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/registrations").session(session)
				.with(csrf())
				.param("partnerId", String.valueOf(this.other.partnerId()))
				.param("amount", "abc"))
			.andExpect(status().isForbidden());
		assertThat(leads()).isEqualTo(leads);
	}

	private long leads() {
		return this.jdbc.sql("SELECT count(*) FROM partner_lead").query(Long.class).single();
	}

}
