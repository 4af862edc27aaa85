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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class OverlapTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMatrixCountsEachOverlapOnceAndEachCellDrillsToExactlyItsAccounts() throws Exception {
		var world = this.fixtures.world("Overlap Matrix Partners");
		long ae = world.ae().userId();
		long open = this.fixtures.account("Tarnwick Freight", "tarnwick-freight.com", ae);
		this.fixtures.partnerDeal(open, ae, world.partnerId(), "90000.00");
		long bigger = this.fixtures.account("Olverdane Mining", "olverdane.com", ae);
		this.fixtures.partnerDeal(bigger, ae, world.partnerId(), "250000.00");
		long won = this.fixtures.account("Pellmoor Textiles", "pellmoor.com", ae);
		long wonDeal = this.fixtures.partnerDeal(won, ae, world.partnerId(), "10000.00");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON' WHERE id = :id").param("id", wonDeal).update();
		long prospect = this.fixtures.account("Quessly Optics", "quessly.com", ae);
		long theirProspect = this.fixtures.account("Rundell Dairy", "rundell.com", ae);
		this.fixtures.partnerDeal(theirProspect, ae, world.partnerId(), "5000.00");
		upload(this.fixtures.token(world.partnerUser()), world.partnerId(), """
				company_name,web_domain,country,status
				Tarnwick Freight,tarnwick-freight.com,US,customer
				Olverdane Mining Inc,www.olverdane.com,US,customer
				Pellmoor Textiles,pellmoor.com,US,customer
				Quessly Optics,quessly.com,US,customer
				Rundell Dairy,rundell.com,US,prospect
				Nobody We Know,nobody-we-know.com,US,customer
				Ourselves Only,,US,prospect
				""").andExpect(status().isCreated());
		var pam = this.fixtures.token(world.pam());
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps").andExpect(status().isOk())
			.andExpect(jsonPath("$.CUSTOMER_X_OPEN_OPPORTUNITY").value(2))
			.andExpect(jsonPath("$.CUSTOMER_X_CUSTOMER").value(1))
			.andExpect(jsonPath("$.CUSTOMER_X_PROSPECT").value(1))
			.andExpect(jsonPath("$.PROSPECT_X_OPEN_OPPORTUNITY").value(1))
			.andExpect(jsonPath("$.PROSPECT_X_PROSPECT").value(0))
			.andExpect(jsonPath("$.GREENFIELD").value(2));
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=CUSTOMER_X_OPEN_OPPORTUNITY")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].accountId").value(contains((int) bigger, (int) open)))
			.andExpect(jsonPath("$[0].openPipeline").value(250000.00))
			.andExpect(jsonPath("$[0].ownerId").value((int) ae));
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=CUSTOMER_X_PROSPECT")
			.andExpect(jsonPath("$[*].accountId").value(contains((int) prospect)));
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=NOPE")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cell"));
		// the page's matrix shows the same figures (try71b: its six cells were empty)
		var page = com.trellis.support.Readers.read(this.mvc,
				new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam()),
				"/partners/" + world.partnerId() + "/overlaps");
		assertThat(page).containsPattern("id=\"cell-CUSTOMER_X_OPEN_OPPORTUNITY\"[^>]*>2</a>")
			.containsPattern("id=\"cell-CUSTOMER_X_CUSTOMER\"[^>]*>1</a>")
			.containsPattern("id=\"cell-PROSPECT_X_PROSPECT\"[^>]*>0</a>");
	}

	/**
	 * try11: one account listed under three names (one a web address) counted three
	 * times, its open pipeline listed three times; one listed as customer and prospect
	 * counted in both cells. Each account is one overlap, in the closer tie's cell.
	 */
	@Test
	void anAccountListedSeveralTimesIsOneOverlap() throws Exception {
		var world = this.fixtures.world("Overlap Repeats Partners");
		long ae = world.ae().userId();
		long open = this.fixtures.account("Harrowgate Learning", "harrowgate-learning.com", ae);
		this.fixtures.partnerDeal(open, ae, world.partnerId(), "106260.00");
		long prospect = this.fixtures.account("Fennick Freight", "fennick-freight.com", ae);
		upload(this.fixtures.token(world.partnerUser()), world.partnerId(), """
				company_name,web_domain,country,status
				Harrowgate Learning,,US,customer
				Harrowgate Learning Inc.,harrowgate-learning.com,US,customer
				https://www.harrowgate-learning.com,harrowgate-learning.com,,customer
				Fennick Freight,fennick-freight.com,US,prospect
				Fennick Freight Ltd,fennick-freight.com,US,customer
				""").andExpect(status().isCreated());
		var pam = this.fixtures.token(world.pam());
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps").andExpect(status().isOk())
			.andExpect(jsonPath("$.CUSTOMER_X_OPEN_OPPORTUNITY").value(1))
			.andExpect(jsonPath("$.CUSTOMER_X_PROSPECT").value(1))
			.andExpect(jsonPath("$.PROSPECT_X_PROSPECT").value(0));
		get(pam, "/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=ALL").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].accountId").value(contains((int) open, (int) prospect)))
			.andExpect(jsonPath("$[0].openPipeline").value(106260.00));
	}

	@Test
	void anAccountExecutiveSeesWhichPartnersHaveTheAccountButNoPartnerSeesIt() throws Exception {
		var world = this.fixtures.world("Overlap AE View Partners");
		var other = this.fixtures.world("Overlap AE View Other");
		long account = this.fixtures.account("Sallowbrook Ceramics", "sallowbrook.com", world.ae().userId());
		upload(this.fixtures.token(world.partnerUser()), world.partnerId(),
				"company_name,web_domain,country,status\nSallowbrook Ceramics Ltd,sallowbrook.com,GB,prospect\n")
			.andExpect(status().isCreated());
		get(this.fixtures.token(world.ae()), "/api/v1/accounts/" + account + "/partners").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].partnerId").value(contains((int) world.partnerId())))
			.andExpect(jsonPath("$[0].status").value("PROSPECT"));
		get(this.fixtures.token(other.partnerUser()), "/api/v1/accounts/" + account + "/partners")
			.andExpect(status().isForbidden());
		get(this.fixtures.token(world.partnerUser()), "/api/v1/accounts/" + account + "/partners")
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyThePartnersPamAndAdminsSeeItsOverlaps() throws Exception {
		var a = this.fixtures.world("Overlap Isolation A");
		var b = this.fixtures.world("Overlap Isolation B");
		String url = "/api/v1/partners/" + a.partnerId() + "/overlaps";
		get(this.fixtures.token(b.partnerUser()), url).andExpect(status().isNotFound());
		get(this.fixtures.token(a.partnerUser()), url).andExpect(status().isForbidden());
		get(this.fixtures.token(b.pam()), url).andExpect(status().isForbidden());
		get(this.fixtures.token(a.ae()), url + "/records?cell=NOPE").andExpect(status().isForbidden());
		get(this.fixtures.token(a.pam()), url).andExpect(status().isOk());
	}

	/**
	 * try11: an admin was told 403 ("only the partner, its PAM or an admin") for these.
	 */
	@Test
	void aPartnerThatDoesNotExistIsNotFoundAlsoByAnAdmin() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(com.trellis.identity.Role.ADMIN));
		long none = 999_999_999L;
		upload(admin, none, "company_name,web_domain,country,status\nFoo Co,foo.example,US,customer\n")
			.andExpect(status().isNotFound());
		get(admin, "/api/v1/partners/" + none + "/overlaps").andExpect(status().isNotFound());
		get(admin, "/api/v1/partners/" + none + "/account-list").andExpect(status().isNotFound());
		this.mvc
			.perform(MockMvcRequestBuilders
				.post("/api/v1/partners/" + none + "/account-list/rows/1/answer?confirmed=true")
				.header("Authorization", "Bearer " + admin))
			.andExpect(status().isNotFound());
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
