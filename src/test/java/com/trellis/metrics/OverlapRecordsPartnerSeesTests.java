package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's overlap-sourced records show only what the partner may see (issue 15 notes:
 * they listed, as deals to open, the vendor's deals the partner was asked for co-sell
 * help on, and opening one answered 404): a deal the partner is not on is kind
 * deal-not-open, named as its co-sell request names it, and counted as before; the
 * partner's co-sell list links only to deals it opens; the vendor's staff see every
 * record as before.
 */
@TrellisTest
class OverlapRecordsPartnerSeesTests {

	private static final String PERIOD = "from=2026-04-01&to=2026-06-30";

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void eachPartnerSeesItsOwnRecordsAndLinksOnlyToDealsItOpens() throws Exception {
		var a = this.fixtures.world("Overlap Seen A");
		var b = this.fixtures.world("Overlap Seen B");
		long ae = a.ae().userId();
		long onA = deal(a, "Seen A own deal", a.partnerId());
		long vendors = deal(a, "Seen vendor deal renamed", null);
		long detached = deal(a, "Seen deal A left", b.partnerId());
		long onB = deal(b, "Seen B own deal", b.partnerId());
		sourced(onA, a.partnerId(), ae, "ATTACHED");
		sourced(vendors, a.partnerId(), ae, "COSELL_REQUEST");
		this.jdbc
			.sql("""
					INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask, status)
					VALUES (:deal, 'Seen vendor deal', :partner, :by, TIMESTAMPTZ '2026-05-02 10:00Z', 'Help?', 'OPEN')
					""")
			.param("deal", vendors)
			.param("partner", a.partnerId())
			.param("by", ae)
			.update();
		sourced(detached, a.partnerId(), ae, "ATTACHED");
		sourced(onB, b.partnerId(), ae, "ATTACHED");

		for (var code : new String[] { "OVERLAP_SOURCED_DEALS", "OVERLAP_SOURCED_PIPELINE" }) {
			var records = "/api/v1/kpis/" + code + "/records?" + PERIOD;
			api(a.partnerUser()).get(records)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(3))
				.andExpect(jsonPath("$[?(@.id == " + onA + ")].kind").value("deal"))
				.andExpect(jsonPath("$[?(@.id == " + onA + ")].label").value("Seen A own deal"))
				.andExpect(jsonPath("$[?(@.id == " + vendors + ")].kind").value(KpiRecords.DEAL_NOT_OPEN))
				.andExpect(jsonPath("$[?(@.id == " + vendors + ")].label").value("Seen vendor deal"))
				.andExpect(jsonPath("$[?(@.id == " + detached + ")].kind").value(KpiRecords.DEAL_NOT_OPEN))
				.andExpect(jsonPath("$[?(@.id == " + detached + ")].label")
					.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.nullValue())));
			api(b.partnerUser()).get(records)
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].id").value(onB))
				.andExpect(jsonPath("$[0].kind").value("deal"));
			var admin = api(this.fixtures.user(Role.ADMIN));
			admin.get(records + "&slice=PARTNER&sliceValue=" + a.partnerId())
				.andExpect(jsonPath("$.length()").value(3))
				.andExpect(jsonPath("$[?(@.kind != 'deal')]").isEmpty())
				.andExpect(jsonPath("$[?(@.id == " + vendors + ")].label").value("Seen vendor deal renamed"))
				.andExpect(jsonPath("$[?(@.id == " + detached + ")].label").value("Seen deal A left"));
			api(a.pam()).get(records + "&slice=PARTNER&sliceValue=" + a.partnerId())
				.andExpect(jsonPath("$[?(@.kind != 'deal')]").isEmpty());

			// a record of kind deal opens for the partner; one it cannot open says so
			var partner = api(a.partnerUser());
			partner.get("/api/v1/opportunities/" + onA).andExpect(status().isOk());
			partner.get("/api/v1/opportunities/" + vendors).andExpect(status().isNotFound());
			partner.get("/api/v1/opportunities/" + detached).andExpect(status().isNotFound());
		}
	}

	@Test
	void thePartnersCoSellListLinksOnlyToDealsItOpens() throws Exception {
		var a = this.fixtures.world("Overlap Seen Cosell");
		long vendors = deal(a, "Cosell vendor deal", null);
		this.jdbc
			.sql("""
					INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask, status)
					VALUES (:deal, 'Cosell vendor deal', :partner, :by, TIMESTAMPTZ '2026-05-02 10:00Z', 'Help?', 'OPEN')
					""")
			.param("deal", vendors)
			.param("partner", a.partnerId())
			.param("by", a.ae().userId())
			.update();
		var page = this.mvc.perform(get("/cosell").session(login(a.partnerUser())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Cosell vendor deal").doesNotContain("/opportunities/" + vendors + "\"");
		var staff = this.mvc.perform(get("/cosell").session(login(a.ae())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(staff).contains("/opportunities/" + vendors + "\"");
	}

	private long deal(Fixtures.World world, String name, Long partner) {
		long deal = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		this.jdbc.sql("""
				UPDATE opportunity SET name = :name, partner_id = :partner,
				       credit_type = CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE credit_type END,
				       partner_share = CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN NULL ELSE partner_share END,
				       source = CASE WHEN CAST(:partner AS BIGINT) IS NULL THEN 'DIRECT' ELSE source END
				WHERE id = :id""").param("name", name).param("partner", partner).param("id", deal).update();
		return deal;
	}

	private void sourced(long deal, long partner, long by, String via) {
		this.jdbc
			.sql("""
					INSERT INTO overlap_sourced_deal (opportunity_id, partner_id, via, acted_by, recorded_at, shown_to, shown_at)
					VALUES (:deal, :partner, :via, :by, TIMESTAMPTZ '2026-05-03 10:00Z', :by, TIMESTAMPTZ '2026-05-01 10:00Z')
					""")
			.param("deal", deal)
			.param("partner", partner)
			.param("via", via)
			.param("by", by)
			.update();
	}

	private Api api(Viewer viewer) {
		return new Api(this.mvc, this.fixtures.token(viewer));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
