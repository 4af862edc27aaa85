package com.trellis.mapping;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class AccountListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnersUploadReplacesItsListKeepsHistoryAndMatchesTheVendorsAccounts() throws Exception {
		var world = this.fixtures.world("Mapping Upload Partners");
		long bank = this.fixtures.account("Ashford Bank", "ashford.com", world.ae().userId());
		this.fixtures.account("Ashford Insurance", "ashford.com", world.ae().userId());
		long mueller = this.fixtures.account("Müller Maschinenbau GmbH", "mueller-maschinen.de", world.ae().userId());
		var token = this.fixtures.token(world.partnerUser());
		upload(token, world.partnerId(),
				"company_name,web_domain,country,status\nOld Customer,old-customer.com,US,customer\n")
			.andExpect(status().isCreated());
		upload(token, world.partnerId(), """
				company_name;web_domain;country;status;crm_id
				Ashford Bank;www.ashford.com;GB;customer;0015000001
				Mueller Maschinenbau;;DE;prospect;
				Quillon Plumbing;gmail.com;US;prospect;
				""").andExpect(status().isCreated()).andExpect(jsonPath("$.rowCount").value(3));
		// the partner's PAM reads which account each company is (the partner reads only
		// that it is ours)
		get(this.fixtures.token(world.pam()), "/api/v1/partners/" + world.partnerId() + "/account-list")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].accountId").value(bank))
			.andExpect(jsonPath("$[0].matchConfidence").value("AUTOMATIC"))
			.andExpect(jsonPath("$[1].accountId").value(mueller))
			.andExpect(jsonPath("$[2].accountId").doesNotExist());
		get(token, "/api/v1/partners/" + world.partnerId() + "/account-list/uploads").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].current").value(containsInAnyOrder(true, false)));
	}

	@Test
	void anUploadWithBadRowsNamesEachRowAndColumnAndChangesNothing() throws Exception {
		var world = this.fixtures.world("Mapping Bad Rows Partners");
		var token = this.fixtures.token(world.pam());
		upload(token, world.partnerId(), "company_name,web_domain,country,status\nKept Co,kept-co.com,US,customer\n")
			.andExpect(status().isCreated());
		upload(token, world.partnerId(), """
				company_name,web_domain,country,status
				Fine Co,fine-co.com,US,customer
				,not a domain,Atlantis,friend
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(
					containsInAnyOrder("row 3: company_name", "row 3: web_domain", "row 3: country", "row 3: status")));
		get(token, "/api/v1/partners/" + world.partnerId() + "/account-list")
			.andExpect(jsonPath("$[*].companyName").value(containsInAnyOrder("Kept Co")));
		// try11: every one of 200,000 bad rows was listed (a 24 MB answer); the first
		// 1,000 are, with the count of the rest
		var many = new StringBuilder("company_name,web_domain,country,status\n");
		for (int i = 0; i < 1_500; i++) {
			many.append("Many Co ").append(i).append(",,US,partner\n");
		}
		upload(token, world.partnerId(), many.toString()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1_001))
			.andExpect(jsonPath("$.errors[999].field").value("row 1001: status"))
			.andExpect(jsonPath("$.errors[1000].field").value("file"))
			.andExpect(
					jsonPath("$.errors[1000].message").value("500 more errors not listed; the first 1000 are above"));
	}

	@Test
	void aPartnersListIsNeverVisibleToAnotherPartnerOrToAnAccountExecutive() throws Exception {
		var a = this.fixtures.world("Mapping Isolation A");
		var b = this.fixtures.world("Mapping Isolation B");
		upload(this.fixtures.token(a.partnerUser()), a.partnerId(),
				"company_name,web_domain,country,status\nSecret Customer,secret-customer.com,US,customer\n")
			.andExpect(status().isCreated());
		var other = this.fixtures.token(b.partnerUser());
		get(other, "/api/v1/partners/" + a.partnerId() + "/account-list").andExpect(status().isNotFound());
		get(other, "/api/v1/partners/" + a.partnerId() + "/account-list/uploads").andExpect(status().isNotFound());
		upload(other, a.partnerId(), "company_name,web_domain,country,status\nX,x-co.com,US,customer\n")
			.andExpect(status().isNotFound());
		get(this.fixtures.token(a.ae()), "/api/v1/partners/" + a.partnerId() + "/account-list")
			.andExpect(status().isForbidden());
		get(this.fixtures.token(b.pam()), "/api/v1/partners/" + a.partnerId() + "/account-list")
			.andExpect(status().isForbidden());
		get(this.fixtures.token(a.pam()), "/api/v1/partners/" + a.partnerId() + "/account-list")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].companyName").value("Secret Customer"));
	}

	@Test
	void aPamsAnswerToAPossibleMatchIsAppliedAndRememberedForTheNextUpload() throws Exception {
		var world = this.fixtures.world("Mapping Possible Partners");
		long shipping = this.fixtures.account("Vantrellio Shipping", "vantrellio-shipping.com", world.ae().userId());
		long labs = this.fixtures.account("Corvanetti Labs", "corvanetti-labs.com", world.ae().userId());
		var partner = this.fixtures.token(world.partnerUser());
		var pam = this.fixtures.token(world.pam());
		var csv = "company_name,web_domain,country,status\nVantrellio,,US,customer\nCorvanetti,,US,prospect\n";
		upload(partner, world.partnerId(), csv).andExpect(status().isCreated());
		var list = "/api/v1/partners/" + world.partnerId() + "/account-list";
		get(pam, list).andExpect(jsonPath("$[0].accountId").value(shipping))
			.andExpect(jsonPath("$[0].matchConfidence").value("POSSIBLE"))
			.andExpect(jsonPath("$[1].accountId").value(labs))
			.andExpect(jsonPath("$[1].matchConfidence").value("POSSIBLE"));
		answer(partner, list + "/rows/2/answer?confirmed=true").andExpect(status().isForbidden());
		answer(pam, list + "/rows/2/answer?confirmed=maybe").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirmed"));
		answer(pam, list + "/rows/2/answer?confirmed=true").andExpect(status().isOk())
			.andExpect(jsonPath("$.matchConfidence").value("AUTOMATIC"));
		answer(pam, list + "/rows/3/answer?confirmed=false").andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").doesNotExist());
		upload(partner, world.partnerId(), csv).andExpect(status().isCreated());
		get(pam, list).andExpect(jsonPath("$[0].accountId").value(shipping))
			.andExpect(jsonPath("$[0].matchConfidence").value("AUTOMATIC"))
			.andExpect(jsonPath("$[1].accountId").doesNotExist());
	}

	@Test
	void aCompanyInAnotherCountryThanOurAccountIsOnlyAPossibleMatchForAPerson() throws Exception {
		var world = this.fixtures.world("Mapping Country Partners");
		long account = this.fixtures.account("Hervantico Tooling GmbH", "hervantico.de", world.ae().userId());
		this.jdbc.sql("UPDATE account SET country = 'DE' WHERE id = :id").param("id", account).update();
		upload(this.fixtures.token(world.partnerUser()), world.partnerId(), """
				company_name,web_domain,country,status
				Hervantico Tooling,,FR,customer
				Hervantico Tooling,hervantico.de,DE,customer
				""").andExpect(status().isCreated());
		get(this.fixtures.token(world.pam()), "/api/v1/partners/" + world.partnerId() + "/account-list")
			.andExpect(jsonPath("$[0].accountId").value(account))
			.andExpect(jsonPath("$[0].matchConfidence").value("POSSIBLE"))
			.andExpect(jsonPath("$[0].matchReason").value(containsString("countries differ")))
			.andExpect(jsonPath("$[1].accountId").value(account))
			.andExpect(jsonPath("$[1].matchConfidence").value("AUTOMATIC"));
	}

	private ResultActions answer(String token, String url) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post(url).header("Authorization", "Bearer " + token));
	}

	private ResultActions upload(String token, long partnerId, String csv) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + partnerId + "/account-list")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.valueOf("text/csv"))
			.content(csv));
	}

	private ResultActions get(String token, String url) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(url).header("Authorization", "Bearer " + token));
	}

}
