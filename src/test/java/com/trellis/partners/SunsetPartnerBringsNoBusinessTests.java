package com.trellis.partners;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner that left the program (sunset) or is not onboarded yet (prospect) brings no
 * business: registrations, leads and MDF requests are refused alike, naming
 * {@code partnerId}, from the partner's users and from its PAM (s55: a sunset partner's
 * user still sent a lead and asked for MDF, where its registration was refused).
 */
@TrellisTest
class SunsetPartnerBringsNoBusinessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void leadsAndMdfRequestsOfASunsetOrProspectPartnerAreRefusedLikeItsRegistrations() throws Exception {
		for (var status : new String[] { "SUNSET", "PROSPECT" }) {
			var world = this.fixtures.world("Left The Program " + status);
			this.jdbc.sql("UPDATE partner SET lifecycle_status = ? WHERE id = ?")
				.params(status, world.partnerId())
				.update();
			var why = "a " + status.toLowerCase() + " partner cannot ";
			// a sunset partner's own users no longer get in at all
			// (SunsetPartnerAccessTests)
			var tokens = status.equals("SUNSET") ? new String[] { this.fixtures.token(world.pam()) }
					: new String[] { this.fixtures.token(world.partnerUser()), this.fixtures.token(world.pam()) };
			for (var token : tokens) {
				var api = new Api(this.mvc, token);
				api.post("/api/v1/leads", """
						{"partnerId": %d, "companyName": "Sunset Lead Co", "companyDomain": "sunsetleadco.com",
						 "contactName": "Joe", "contactEmail": "joe@sunsetleadco.com", "note": "hi"}
						""".formatted(world.partnerId()))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
					.andExpect(jsonPath("$.errors[0].message").value(why + "submit leads"));
				api.post("/api/v1/partners/" + world.partnerId() + "/mdf-requests", """
						{"activity": "Webinar", "cost": 100, "currency": "USD", "expectedPipeline": 1000,
						 "partnerInvestment": 10}""")
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("partnerId"))
					.andExpect(jsonPath("$.errors[0].message").value(why + "request MDF"));
			}
			assertThat(this.jdbc.sql("""
					SELECT (SELECT count(*) FROM partner_lead WHERE partner_id = :p)
					     + (SELECT count(*) FROM mdf_request WHERE partner_id = :p)""")
				.param("p", world.partnerId())
				.query(Long.class)
				.single()).isZero();
		}
	}

}
