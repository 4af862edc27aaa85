package com.trellis.mapping;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PAM view: per partner, every overlap (all matched cells at once) sorted by our open
 * pipeline, each with the account's owner and the e-mail to introduce them; what the PAM
 * was shown is noted.
 */
@TrellisTest
class PamOverlapViewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePamSeesEveryOverlapSortedByOurOpenPipelineWithTheOwnerToIntroduce() throws Exception {
		var world = this.fixtures.world("PAM View Partners");
		long ae = world.ae().userId();
		long small = this.fixtures.account("Halvering Glass", "halvering.com", ae);
		this.fixtures.partnerDeal(small, ae, world.partnerId(), "20000.00");
		long big = this.fixtures.account("Jestwick Pumps", "jestwick.com", ae);
		this.fixtures.partnerDeal(big, ae, world.partnerId(), "300000.00");
		long none = this.fixtures.account("Kelloway Print", "kelloway.com", ae);
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + world.partnerId() + "/account-list")
				.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
				.contentType(MediaType.valueOf("text/csv"))
				.content("""
						company_name,web_domain,country,status
						Halvering Glass,halvering.com,,customer
						Kelloway Print,kelloway.com,,prospect
						Jestwick Pumps,jestwick.com,,prospect
						Greenfield Only,greenfield-only.com,,customer
						"""))
			.andExpect(status().isCreated());
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.get("/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=ALL")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].accountId").value(contains((int) big, (int) small, (int) none)))
			.andExpect(jsonPath("$[0].partnerStatus").value("PROSPECT"))
			.andExpect(jsonPath("$[0].ownerId").value((int) ae))
			.andExpect(jsonPath("$[0].ownerEmail").value(this.fixtures.email(world.ae())))
			.andExpect(jsonPath("$[2].openPipeline").value(0.0));
		assertThat(this.jdbc.sql("SELECT count(*) FROM overlap_shown WHERE partner_id = :p AND shown_to = :pam")
			.param("p", world.partnerId())
			.param("pam", world.pam().userId())
			.query(Long.class)
			.single()).isEqualTo(3);
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.get("/api/v1/partners/" + world.partnerId() + "/overlaps/records?cell=ALL")
			.andExpect(status().isForbidden());
	}

}
