package com.trellis.accounts;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class AccountCountryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountKeepsTheCountryItWasGivenAndShowsItOnItsPage() throws Exception {
		var world = this.fixtures.world("Country Keeping Partners");
		var token = this.fixtures.token(world.ae());
		var created = send(token, "POST", "/api/v1/accounts",
				"{\"name\":\"Voskuijl Dairy\",\"webDomain\":\"voskuijl.nl\",\"country\":\"nl\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.country").value("NL"))
			.andReturn();
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
		send(token, "PUT", "/api/v1/accounts/" + id, "{\"name\":\"Voskuijl Dairy\",\"country\":\"BE\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.country").value("BE"));
		var login = this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(world.ae()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		this.mvc.perform(MockMvcRequestBuilders.get("/accounts/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd>BE</dd>")))
			.andExpect(content().string(containsString("id=\"edit-account\"")));
		// another AE sees the account but no Edit it would be refused (s55)
		var other = this.fixtures.user(com.trellis.identity.Role.AE);
		var otherSession = (MockHttpSession) this.mvc
			.perform(MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(other))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(MockMvcRequestBuilders.get("/accounts/" + id).session(otherSession))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"edit-account\""))))
			.andExpect(content().string(containsString("id=\"new-deal\"")));
	}

	@Test
	void aCountryThatIsNoIsoCodeIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
		var world = this.fixtures.world("Country Refusing Partners");
		var token = this.fixtures.token(world.ae());
		long before = this.fixtures.count("account");
		for (var country : new String[] { "Germany", "UK", "XX", "D" }) {
			send(token, "POST", "/api/v1/accounts", "{\"name\":\"Brennholt Timber\",\"country\":\"" + country + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("country"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("ISO 3166")));
		}
		assertThat(this.fixtures.count("account")).isEqualTo(before);
		send(token, "PUT", "/api/v1/accounts/" + world.accountId(), "{\"name\":\"Renamed\",\"country\":\"EU\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("country"));
		assertThat(this.jdbc.sql("SELECT name FROM account WHERE id = :id")
			.param("id", world.accountId())
			.query(String.class)
			.single()).isNotEqualTo("Renamed");
	}

	@Test
	void aPartnersCompanyInAnotherCountryThanTheAccountIsOnlyAPossibleMatch() throws Exception {
		var world = this.fixtures.world("Country Matching Partners");
		long german = this.fixtures.account("Hallbeck Robotik GmbH", "hallbeck-robotik.de", world.ae().userId());
		long french = this.fixtures.account("Quarmont Logistique", "quarmont.fr", world.ae().userId());
		this.jdbc.sql("UPDATE account SET country = 'DE' WHERE id = :id").param("id", german).update();
		this.jdbc.sql("UPDATE account SET country = 'FR' WHERE id = :id").param("id", french).update();
		var token = this.fixtures.token(world.partnerUser());
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.valueOf("text/csv"))
				.content("""
						company_name,web_domain,country,status
						Hallbeck Robotik,,US,customer
						Quarmont Logistique SA,,FR,customer
						"""))
			.andExpect(status().isCreated());
		this.mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(world.pam())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].accountId").value((int) german))
			.andExpect(jsonPath("$[0].matchConfidence").value("POSSIBLE"))
			.andExpect(jsonPath("$[0].matchReason").value(containsString("countries differ (US, DE)")))
			.andExpect(jsonPath("$[1].accountId").value((int) french))
			.andExpect(jsonPath("$[1].matchConfidence").value("AUTOMATIC"));
	}

	private ResultActions send(String token, String method, String url, String json) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.request(method, java.net.URI.create(url))
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
