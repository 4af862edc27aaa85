package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing country of a Salesforce account ({@code BillingCountry}) and HubSpot's
 * company country ({@code Country/Region}, {@code country}) become the account's country
 * (ISO 3166-1 alpha-2), written as a code or an English name; a country that is neither
 * is refused naming its row and column, and the real run then writes nothing.
 */
@TrellisTest
class ImportCountryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String token;

	String email;

	String tag;

	@BeforeEach
	void program() {
		this.token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var ae = this.fixtures.user(Role.AE);
		this.email = this.fixtures.email(ae);
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	@Test
	void aSalesforceBillingCountryBecomesTheAccountsCountryAndAnUnknownOneIsRefused() throws Exception {
		var accounts = "Id,Name,OwnerId,CreatedDate,BillingCountry\n" + "001K" + this.tag + "1,Kiel customer "
				+ this.tag + ",005K01,2025-01-06T09:00:00Z,Germany\n" + "001K" + this.tag + "2,Ohio customer "
				+ this.tag + ",005K01,2025-01-06T09:00:00Z,us\n" + "001K" + this.tag + "3,Quiet customer " + this.tag
				+ ",005K01,2025-01-06T09:00:00Z,\n";
		salesforce(accounts, "false").andExpect(status().isOk());
		assertThat(countries()).containsExactly("Kiel customer " + this.tag + "=DE",
				"Ohio customer " + this.tag + "=US", "Quiet customer " + this.tag + "=null");
		var bad = accounts.replace(",us\n", ",Atlantis\n");
		var report = body(salesforce(bad, "true").andExpect(status().isOk()));
		assertThat(report).contains("\"field\":\"Account row 3: BillingCountry\"").contains("Atlantis");
		salesforce(bad, "false").andExpect(status().isBadRequest());
		assertThat(countries()).contains("Ohio customer " + this.tag + "=US");
	}

	@Test
	void aHubspotCompanysCountryBecomesTheAccountsCountryAndAnUnknownOneIsRefused() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email,Country/Region\n" + "88" + this.tag.hashCode()
				+ ",Lyon company " + this.tag + ",2025-01-06 09:00," + this.email + ",FRA\n";
		hubspot(companies, "false").andExpect(status().isOk());
		assertThat(countries()).containsExactly("Lyon company " + this.tag + "=FR");
		var report = body(hubspot(companies.replace(",FRA\n", ",Narnia\n"), "true").andExpect(status().isOk()));
		assertThat(report).contains("\"field\":\"companies row 2: Country/Region\"");
	}

	private List<String> countries() {
		return this.jdbc
			.sql("SELECT name || '=' || coalesce(country, 'null') FROM account WHERE name LIKE ? ORDER BY name")
			.param("% " + this.tag)
			.query(String.class)
			.list();
	}

	private ResultActions salesforce(String accounts, String dryRun) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/salesforce");
		request.file(file("Account", accounts));
		request.file(file("User", "Id,Email\n005K01," + this.email + "\n"));
		request.file(file("Opportunity", "Id,AccountId,Name,StageName,CloseDate,OwnerId,CreatedDate\n"));
		return this.mvc.perform(request.param("dryRun", dryRun).header("Authorization", "Bearer " + this.token));
	}

	private ResultActions hubspot(String companies, String dryRun) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/hubspot");
		request.file(file("companies", companies));
		request.file(file("deals",
				"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs\n"));
		return this.mvc.perform(request.param("dryRun", dryRun).header("Authorization", "Bearer " + this.token));
	}

	private static MockMultipartFile file(String name, String text) {
		return new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
