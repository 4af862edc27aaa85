package com.trellis.tiers;

import java.nio.charset.StandardCharsets;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tier changed on the partner's record (s56, try61: a PAM's or admin's PUT of another
 * tier while an admin's override was in force was saved beside it; the evaluation then
 * froze the record's tier, the card said the override held a tier it never set, and the
 * history named "system"): only a program admin changes the tier there, not while an
 * override holds it (409 naming {@code tier}, the same refusal on an import's row), and
 * the history names who changed it.
 */
@TrellisTest
class TierRecordHoldTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void anOverrideOfAPartnerThatDoesNotExistIsNotFoundWhateverTheBodySays() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		// was 400 for a bad body and 404 for a good one: the record is checked first now
		for (var body : new String[] { "{\"tier\": \"TIER_9\"}", "{}", "[1]" }) {
			admin.post("/api/v1/partners/987654321/tier/override", body).andExpect(status().isNotFound());
			admin.post("/api/v1/partners/987654321/tier/override/end", body).andExpect(status().isNotFound());
		}
	}

	@Test
	void anOverrideInForceHoldsTheTierAgainstTheRecordOnEveryPath() throws Exception {
		var world = this.fixtures.world("Tier Record Hold");
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(adminUser));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		String url = "/api/v1/partners/" + world.partnerId();
		pam.put(url, record(world.pam().userId(), "TIER_1_INVEST"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tier"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("only a program admin")));

		admin
			.post(url + "/tier/override",
					"{\"tier\": \"TIER_2_EMERGING\", \"reason\": \"strategic\", \"expiresOn\": \""
							+ this.calendar.today().plusYears(1) + "\"}")
			.andExpect(status().isCreated());
		admin.put(url, record(world.pam().userId(), "TIER_1_INVEST"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("tier"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("an override holds Tier 2")))
			// the way out is named for API clients too, not only the page
			.andExpect(jsonPath("$.errors[0].message").value(containsString("/tier/override/end")));
		// the rest of the record still changes while the override holds the tier
		admin.put(url, record(world.pam().userId(), "TIER_2_EMERGING").replace("EMEA", "APAC"))
			.andExpect(status().isOk());
		var csv = "id,name,type,region,owner_pam_id,tier\n" + world.partnerId() + ",Tier Record Hold,SI,APAC,"
				+ world.pam().userId() + ",TIER_3_BASELINE\n";
		this.mvc
			.perform(multipart("/api/v1/imports/trellis/partners")
				.file(new MockMultipartFile("file", "p.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "true")
				.header("Authorization", "Bearer " + this.fixtures.token(adminUser)))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 2: tier")));
		assertThat(tier(world.partnerId())).isEqualTo("TIER_2_EMERGING");
		assertThat(this.fixtures.count("tier_override WHERE ended_at IS NULL AND partner_id = " + world.partnerId()))
			.isEqualTo(1);

		var free = this.fixtures.world("Tier Record Free");
		admin.put("/api/v1/partners/" + free.partnerId(), record(free.pam().userId(), "TIER_1_INVEST"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT changed_by FROM tier_change WHERE partner_id = ? AND kind = 'MANUAL'")
			.param(free.partnerId())
			.query(Long.class)
			.single()).isEqualTo(adminUser.userId());
	}

	private static String record(long pamId, String tier) {
		return """
				{"name": "Tier Record Hold", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "%s"}"""
			.formatted(pamId, tier);
	}

	private String tier(long partnerId) {
		return this.jdbc.sql("SELECT tier FROM partner WHERE id = ?").param(partnerId).query(String.class).single();
	}

}
