package com.trellis.mapping;

import java.nio.charset.StandardCharsets;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's account list is a file made for Trellis: a column it does not know (a typo
 * such as {@code web_domian}, whose domains would be lost to the matching) is refused
 * naming it and the list's columns; an empty body is "the file is empty, no header line",
 * as docs/import.md says (fix83).
 */
@TrellisTest
class AccountListColumnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTypoedColumnIsRefusedNamingItAndTheListsColumns() throws Exception {
		var world = this.fixtures.world("Account List Columns " + System.nanoTime());
		api(this.fixtures.token(world.pam()), world.partnerId(),
				"company_name,web_domian,country,status,web_domain\nAcme,acme.com,DE,customer,\n")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("header")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(
					"unknown column web_domian; an account list's columns are company_name, web_domain, country, status, crm_id")));
	}

	@Test
	void anEmptyBodyIsAnEmptyFileWithoutHeaderLine() throws Exception {
		var world = this.fixtures.world("Account List Empty " + System.nanoTime());
		api(this.fixtures.token(world.pam()), world.partnerId(), "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("body")))
			.andExpect(jsonPath("$.errors[0].message").value("the file is empty, no header line"));
	}

	private ResultActions api(String token, long partnerId, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/partners/" + partnerId + "/account-list").header("Authorization", "Bearer " + token)
				.contentType(MediaType.valueOf("text/csv"))
				.content(body.getBytes(StandardCharsets.UTF_8)));
	}

}
