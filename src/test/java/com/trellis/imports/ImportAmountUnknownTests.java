package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An open deal imported from a CRM export without an amount says so: the API answers
 * {@code amount: null} with {@code amountUnknown: true}, the deal page and the deal list
 * say "Amount unknown" instead of 0.00; a later export that gives the amount clears it.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ImportAmountUnknownTests {

	private static final String DEALS = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,"
			+ "Associated Company IDs\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOpenHubspotDealWithoutAmountShowsItsAmountAsUnknownUntilALaterExportGivesIt() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var token = this.fixtures.token(admin);
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		var companies = "Record ID,Company name,Create Date,Owner email\n912401,Unknown amount company,"
				+ "2025-01-06 09:00," + email + "\n";
		hubspot(token, companies,
				DEALS + "912402,Amount not given,Qualified To Buy,,2026-12-30,2025-02-01 10:00," + email + ",912401\n");
		long id = this.jdbc.sql("SELECT id FROM opportunity WHERE name = 'Amount not given'")
			.query(Long.class)
			.single();

		assertThat(this.jdbc.sql("SELECT amount FROM opportunity WHERE id = ?")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single()).as("stored as 0: pipeline and weighted sums count nothing for it").isZero();
		var deal = json(this.mvc.perform(get("/api/v1/opportunities/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()));
		assertThat(deal.get("amount").isNull()).isTrue();
		assertThat(deal.get("amountUnknown").asBoolean()).isTrue();
		var currency = deal.get("currency").asString();

		var session = login(admin);
		var page = html(this.mvc.perform(get("/opportunities/" + id).session(session)).andExpect(status().isOk()));
		assertThat(page).contains("Amount unknown").doesNotContain(currency + " 0.00");
		var list = html(this.mvc.perform(get("/opportunities").param("q", "Amount not given").session(session))
			.andExpect(status().isOk()));
		assertThat(list).contains("Amount unknown").doesNotContain(currency + " 0.00");

		var url = "/opportunities/export.csv?accountId=" + deal.get("accountId").asLong();
		var csv = html(this.mvc.perform(get(url).session(session)).andExpect(status().isOk()));
		assertThat(csv).contains(
				",Amount not given," + deal.get("accountId").asLong() + ",Unknown amount company,," + currency + ",");
		var trellis = multipart("/api/v1/imports/trellis/deals")
			.file(new MockMultipartFile("file", "deals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		var report = json(this.mvc.perform(trellis.param("dryRun", "false").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()));
		assertThat(report.get("errorCount").asInt()).as(report.toString()).isZero();
		assertThat(report.get("unchanged").asInt()).as(report.toString()).isEqualTo(1);
		assertThat(html(this.mvc.perform(get(url).session(session)))).isEqualTo(csv);

		hubspot(token, companies, DEALS + "912402,Amount not given,Qualified To Buy,4200.00,2026-12-30,"
				+ "2025-02-01 10:00," + email + ",912401\n");
		var later = json(this.mvc.perform(get("/api/v1/opportunities/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()));
		assertThat(later.get("amount").decimalValue()).isEqualByComparingTo("4200.00");
		assertThat(later.get("amountUnknown").asBoolean()).isFalse();
	}

	private void hubspot(String token, String companies, String deals) throws Exception {
		var request = multipart("/api/v1/imports/hubspot");
		request.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
				companies.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("deals", "deals.csv", "text/csv", deals.getBytes(StandardCharsets.UTF_8)));
		var report = json(this.mvc.perform(request.param("dryRun", "false").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()));
		assertThat(report.get("errors").size()).as(report.toString()).isZero();
	}

	private MockHttpSession login(com.trellis.identity.Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static String html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return JsonMapper.builder().build().readTree(html(result));
	}

}
