package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An upload's parameter the operation does not read is refused naming it, with what the
 * operation takes, and nothing is imported (try11: {@code Currency=JPY} was ignored and
 * deals would have been imported in USD; {@code dryrun=false} only checked; the Trellis
 * formats and a partner's account list took {@code foo=1}).
 */
@TrellisTest
class ImportParameterNamesTests {

	private static final String ACCOUNT = "Id,Name,OwnerId,CreatedDate\n001X,Misspelt Co,005X,2025-01-06T09:00:00.000+0000\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aCrmImportsMisspeltMappingParameterIsNamed() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		long accounts = this.fixtures.count("account");
		this.mvc
			.perform(multipart("/api/v1/imports/salesforce").file(file("Account", ACCOUNT))
				.file(file("User", "Id,Email\n005X,misspelt-owner@example.com\n"))
				.param("dryRun", "false")
				.param("Currency", "JPY")
				.param("createUnknownowners", "true")
				.param("owner.misspelt-owner@example.com", "1")
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("Currency", "createUnknownowners")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("it takes createUnknownOwners, currency")));
		this.mvc
			.perform(multipart("/api/v1/imports/hubspot").file(file("companies", "Record ID,Company name\n1,X\n"))
				.param("dryrun", "false")
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("dryrun")));
		this.mvc
			.perform(multipart("/api/v1/imports/salesforce/runs").file(file("Account", ACCOUNT))
				.param("curency", "EUR")
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("curency")));
		this.mvc
			.perform(multipart("/api/v1/imports/trellis/accounts?dryRun=true&foo=1")
				.file(file("file", "name,web_domain\nFoo Co,foo.example\n"))
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("foo")));
		org.assertj.core.api.Assertions.assertThat(this.fixtures.count("account")).isEqualTo(accounts);
		// try11: a currency that is none was named as a deal's CurrencyIsoCode column
		this.mvc
			.perform(multipart("/api/v1/imports/salesforce").file(file("Account", ACCOUNT))
				.param("currency", "XXQ")
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("currency")));
	}

	@Test
	void anOwnerMappedToSomeoneWhoIsNoSalesRepIsNamedAndNothingIsWritten() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var executive = this.fixtures.user(Role.EXECUTIVE);
		var admin = this.fixtures.user(Role.ADMIN);
		long accounts = this.fixtures.count("account");
		// try72: an executive was given the file's records without a word
		this.mvc.perform(multipart("/api/v1/imports/salesforce").file(file("Account", ACCOUNT))
			.file(file("User",
					"Id,Email\n005X,mapped-owner@example.com\n005Y,other-owner@example.com\n005Z,pam-owner@example.com\n"))
			.param("dryRun", "false")
			.param("owner.mapped-owner@example.com", String.valueOf(executive.userId()))
			.param("owner.other-owner@example.com", String.valueOf(admin.userId()))
			// a PAM owns partners here: a partner's owner maps to one
			.param("owner.pam-owner@example.com", String.valueOf(this.fixtures.user(Role.PAM).userId()))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(
					org.hamcrest.Matchers.hasItems("owner.mapped-owner@example.com", "owner.other-owner@example.com")))
			.andExpect(jsonPath("$.errors[?(@.field == 'owner.mapped-owner@example.com')].message")
				.value(org.hamcrest.Matchers.hasItem(
						containsString("is an executive; map owners to an account executive, sales manager or PAM"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'owner.other-owner@example.com')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("is a program admin"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'owner.pam-owner@example.com')]").isEmpty());
		org.assertj.core.api.Assertions.assertThat(this.fixtures.count("account")).isEqualTo(accounts);
	}

	@Test
	void aPartnersAccountListUploadWithAnUnknownParameterIsNamed() throws Exception {
		var world = this.fixtures.world("Upload Names");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/partners/" + world.partnerId() + "/account-list?foo=1")
				.contentType("text/csv")
				.content("company_name,web_domain,country,status\nFoo Co,foo.example,US,customer\n")
				.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("foo")));
		org.assertj.core.api.Assertions
			.assertThat(this.fixtures.count("partner_account WHERE partner_id = " + world.partnerId()))
			.isZero();
	}

	private static MockMultipartFile file(String name, String text) {
		return new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
