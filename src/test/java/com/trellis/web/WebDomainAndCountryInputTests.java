package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's and an account's web domain are read as the lead, registration and import
 * paths read them: a web address or a domain in capitals is its bare domain. A country is
 * its two-letter code in any case. What is none of them is still refused, naming the
 * field.
 */
@TrellisTest
class WebDomainAndCountryInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountFormTakesAWebAddressAndALowerCaseCountryCode() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(ae);
		var made = this.mvc
			.perform(post("/accounts/new").session(session)
				.with(csrf())
				.param("name", "Addressed Account Ltd")
				.param("webDomain", " https://www.Addressed-Account.example/about?x=1 ")
				.param("country", "de")
				.param("ownerAeId", String.valueOf(ae.userId())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = Long.parseLong(made.getResponse().getRedirectedUrl().substring("/accounts/".length()));
		assertThat(account(id)).isEqualTo("addressed-account.example DE");
		var refused = this.mvc
			.perform(post("/accounts/" + id + "/edit").session(session)
				.with(csrf())
				.param("name", "Addressed Account Ltd")
				.param("webDomain", "https://not a domain/")
				.param("country", "Germania")
				.param("ownerAeId", String.valueOf(ae.userId())))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("must be a bare web domain",
				"must be a two-letter ISO 3166 country code");
		assertThat(account(id)).isEqualTo("addressed-account.example DE");
	}

	@Test
	void theApiReadsAnAccountsWebAddressAndAPartnersDomainInCapitals() throws Exception {
		var world = this.fixtures.world("Domains Read Alike");
		this.mvc
			.perform(put("/api/v1/accounts/" + world.accountId())
				.header("Authorization", "Bearer " + this.fixtures.token(world.ae()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Read Alike", "ownerAeId": %d, "webDomain": "HTTP://Read-Alike.example:8080",
						 "country": "de"}""".formatted(world.ae().userId())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.webDomain").value("read-alike.example"))
			.andExpect(jsonPath("$.country").value("DE"));
		for (var fine : new String[] { "a.co", "eu.acme.co.uk", "xn--mnchen-3ya.de", "a".repeat(63) + ".com" }) {
			partnerDomain(world, fine).andExpect(status().isOk()).andExpect(jsonPath("$.webDomain").value(fine));
		}
		partnerDomain(world, "https://www.Read-Alike-Partners.example/").andExpect(status().isOk())
			.andExpect(jsonPath("$.webDomain").value("read-alike-partners.example"));
		// not a domain, or nothing of a host (try55 stored an empty domain)
		// nor a label empty, starting or ending with a hyphen, or longer than 63 (s55)
		for (var junk : new String[] { "read alike", "https://", "www.", "/", "acme..com", "redwoodview-.de",
				"-acme.com", "acme.-com", ".acme.com", "a".repeat(64) + ".com", "acme.c0m" }) {
			partnerDomain(world, junk).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("webDomain"));
		}
		assertThat(this.jdbc.sql("SELECT web_domain FROM partner WHERE id = ?")
			.param(world.partnerId())
			.query(String.class)
			.single()).isEqualTo("read-alike-partners.example");
	}

	private org.springframework.test.web.servlet.ResultActions partnerDomain(Fixtures.World world, String domain)
			throws Exception {
		return this.mvc.perform(put("/api/v1/partners/" + world.partnerId())
			.header("Authorization", "Bearer " + this.fixtures.token(world.pam()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Read Alike Partners", "type": "SI", "region": "EMEA", "ownerPamId": %d,
					 "tier": "TIER_2_EMERGING", "webDomain": "%s"}""".formatted(world.pam().userId(), domain)));
	}

	private String account(long id) {
		return this.jdbc.sql("SELECT web_domain || ' ' || country FROM account WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
