package com.trellis.mapping;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's account list exports whole in its upload's columns (and uploads again as it
 * is); its overlap records export for its PAM by cell, as the page lists them; another
 * partner's user reads neither.
 */
@TrellisTest
class MappingExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListExportsInItsOwnColumnsAndTheOverlapsByCell() throws Exception {
		var world = this.fixtures.world("Export Mapping Partners");
		var other = this.fixtures.world("Export Mapping Outsiders");
		long ae = world.ae().userId();
		long account = this.fixtures.account("Quorra Valves", "quorra-valves.com", ae);
		this.fixtures.partnerDeal(account, ae, world.partnerId(), "125000.00");
		upload(world, """
				company_name,web_domain,country,status,crm_id
				Quorra Valves,quorra-valves.com,DE,customer,Q-1
				"Somers, Tate & Co",somers-tate.com,,prospect,
				-Minus Outfitters,minus-outfitters.com,,prospect,=1+2
				""").andExpect(status().isCreated());
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var partner = readers.signIn(world.partnerUser());
		var listPath = "/partners/" + world.partnerId() + "/account-list/export.csv";

		var list = read(partner, listPath);
		assertThat(list.lines().toList()).containsExactly("\uFEFFcompany_name,web_domain,country,status,crm_id",
				"Quorra Valves,quorra-valves.com,DE,customer,Q-1", "\"Somers, Tate & Co\",somers-tate.com,,prospect,",
				"'-Minus Outfitters,minus-outfitters.com,,prospect,'=1+2");
		// uploaded again as exported (the formula guard's apostrophes included), the list
		// is the same: it gained an apostrophe on each round (try14)
		upload(world, list.substring(1)).andExpect(status().isCreated());
		assertThat(read(partner, listPath)).isEqualTo(list);
		assertThat(Readers.read(this.mvc, partner, "/partners/" + world.partnerId() + "/account-list"))
			.contains("href=\"" + listPath + "\"");

		var pam = readers.signIn(world.pam());
		var overlaps = read(pam,
				"/partners/" + world.partnerId() + "/overlaps/export.csv?cell=CUSTOMER_X_OPEN_OPPORTUNITY");
		assertThat(overlaps.lines().toList().get(0)).isEqualTo("\uFEFFrow,company_name,their_status,account_id,account,"
				+ "owner_id,owner,owner_email,open_pipeline,currency,deals_without_amount");
		assertThat(overlaps).contains(",Quorra Valves,CUSTOMER," + account + ",Quorra Valves," + ae + ",")
			.contains(",125000.00,")
			.doesNotContain("Somers");
		this.mvc.perform(get("/partners/" + world.partnerId() + "/overlaps/export.csv?cell=NOPE").session(pam))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/partners/" + world.partnerId() + "/overlaps/export.csv").session(partner))
			.andExpect(status().isForbidden());
		var outsider = readers.signIn(other.partnerUser());
		this.mvc.perform(get(listPath).session(outsider)).andExpect(status().isNotFound());
		this.mvc.perform(get("/partners/" + world.partnerId() + "/overlaps/export.csv?cell=NOPE").session(outsider))
			.andExpect(status().isNotFound());
	}

	private org.springframework.test.web.servlet.ResultActions upload(Fixtures.World world, String csv)
			throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/partners/" + world.partnerId() + "/account-list")
			.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser()))
			.contentType(MediaType.valueOf("text/csv"))
			.content(csv));
	}

	private String read(MockHttpSession session, String url) throws Exception {
		return Readers.csv(this.mvc, session, url);
	}

}
