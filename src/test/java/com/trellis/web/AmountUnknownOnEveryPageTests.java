package com.trellis.web;

import java.util.ArrayList;

import com.trellis.hygiene.Hygiene;
import com.trellis.hygiene.HygieneCheck;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An open deal whose amount is unknown (V124; stored 0) says so on the pages and APIs
 * that read deals with their own SQL, not 0 or 0.00: the process, the account mapping's
 * overlaps, the KPI drill-down and the hygiene report; and its 0 adds nothing to a sum.
 */
@TrellisTest
class AmountUnknownOnEveryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Hygiene hygiene;

	@Test
	void theProcessShowsTheDealsAmountAsUnknown() throws Exception {
		var world = this.fixtures.world("Unknown Amount Process Partners");
		unknown(world.dealId());
		new Api(this.mvc, this.fixtures.token(world.ae())).get("/api/v1/opportunities/" + world.dealId() + "/process")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deal.amount").value(nullValue()))
			.andExpect(jsonPath("$.deal.amountUnknown").value(true));
	}

	@Test
	void theHygieneReportSaysTheAmountIsUnknownNotMissing() {
		var world = this.fixtures.world("Unknown Amount Hygiene Partners");
		unknown(world.dealId());
		var problems = new ArrayList<String>();
		this.hygiene.forEachRecord(world.pam(), HygieneCheck.MISSING_FIELDS,
				r -> problems.add(r.recordId() + ": " + r.problem()));
		assertThat(problems).containsExactly(world.dealId() + ": amount unknown");

		this.jdbc.sql("UPDATE opportunity SET close_date = NULL WHERE id = ?").param(world.dealId()).update();
		problems.clear();
		this.hygiene.forEachRecord(world.pam(), HygieneCheck.MISSING_FIELDS,
				r -> problems.add(r.recordId() + ": " + r.problem()));
		assertThat(problems).containsExactly(world.dealId() + ": amount unknown; missing close date");
	}

	@Test
	void theAccountMappingsOverlapCountsTheUnknownAmountOutOfItsPipelineAndSaysSo() throws Exception {
		var world = this.fixtures.world("Unknown Amount Mapping Partners");
		long ae = world.ae().userId();
		long account = this.fixtures.account("Quillmere Optics", "quillmere-optics.com", ae);
		this.fixtures.partnerDeal(account, ae, world.partnerId(), "40000.00");
		unknown(this.fixtures.partnerDeal(account, ae, world.partnerId(), "1.00"));
		long unknownOnly = this.fixtures.account("Rontvale Mills", "rontvale-mills.com", ae);
		unknown(this.fixtures.partnerDeal(unknownOnly, ae, world.partnerId(), "1.00"));
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
				.contentType(MediaType.valueOf("text/csv"))
				.content("""
						company_name,web_domain,country,status
						Quillmere Optics,quillmere-optics.com,,customer
						Rontvale Mills,rontvale-mills.com,,customer
						"""))
			.andExpect(status().isCreated());
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.get("/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=ALL")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].accountId").value((int) account))
			.andExpect(jsonPath("$[0].openPipeline").value(40000.0))
			.andExpect(jsonPath("$[0].amountUnknownDeals").value(1))
			.andExpect(jsonPath("$[1].accountId").value((int) unknownOnly))
			.andExpect(jsonPath("$[1].amountUnknownDeals").value(1));
		var page = this.mvc
			.perform(get("/partners/" + world.partnerId() + "/overlaps?cell=ALL").session(signIn(world.pam())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Amount unknown (1 deal)").doesNotContain("USD 0.00");
	}

	@Test
	void theKpiDrillDownShowsTheDealsAmountAsUnknown() throws Exception {
		var world = this.fixtures.world("Unknown Amount Kpi Partners");
		unknown(world.dealId());
		var admin = this.fixtures.user(Role.ADMIN);
		new Api(this.mvc, this.fixtures.token(admin))
			.get("/api/v1/kpis/PIPELINE_SOURCED/records?slice=PARTNER&sliceValue=" + world.partnerId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value((int) world.dealId()))
			.andExpect(jsonPath("$[0].value").value(nullValue()))
			.andExpect(jsonPath("$[0].amountUnknown").value(true));
		var page = this.mvc
			.perform(get("/metrics/kpis/PIPELINE_SOURCED?slice=PARTNER&sliceValue=" + world.partnerId())
				.session(signIn(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Amount unknown");
	}

	private void unknown(long deal) {
		this.jdbc.sql("UPDATE opportunity SET amount = 0, amount_unknown = TRUE WHERE id = ?").param(deal).update();
	}

	private MockHttpSession signIn(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
