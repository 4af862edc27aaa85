package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PAM time by the quarter a partner existed in (today 2026-11-22, quarter 2026-Q4 in
 * progress, PAM time EUR 1,000 a partner and quarter = USD 1,080.00): a partner onboarded
 * on 2026-10-15 costs PAM time in 2026-Q4 but not in 2026-Q3 nor in 2020-Q1; a partner
 * without an onboarding day counts from its creation.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class RoiQuarterTests {

	@Autowired
	Roi roi;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void pamTimeIsChargedOnlyForQuartersThePartnerExistedIn() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.roi.setRates(admin, new CostRates(new BigDecimal("1000.00"), "EUR", new BigDecimal("50.00"), "USD"), null);
		var onboarded = this.fixtures.world("ROI onboarded in Q4 " + System.nanoTime()).partnerId();
		this.jdbc.sql("UPDATE partner SET onboarded_on = DATE '2026-10-15' WHERE id = :id")
			.param("id", onboarded)
			.update();
		var created = this.fixtures.world("ROI created in Q4 " + System.nanoTime()).partnerId();
		this.jdbc.sql("UPDATE partner SET onboarded_on = NULL, created_at = :at WHERE id = :id")
			.param("at", Timestamp.from(Instant.parse("2026-11-02T09:00:00Z")))
			.param("id", created)
			.update();

		for (long partner : new long[] { onboarded, created }) {
			assertThat(pam(admin, "2026-Q4", partner)).isEqualByComparingTo("1080.00");
			assertThat(pam(admin, "2026-Q3", partner)).isEqualByComparingTo("0.00");
			assertThat(pam(admin, "2020-Q1", partner)).isEqualByComparingTo("0.00");
		}
		var before = this.roi.report(admin, "2020-Q1", onboarded);
		assertThat(before.total().cost()).isEqualByComparingTo("0.00");
		assertThat(before.total().roiPercent()).isNull();
	}

	@Test
	void aQuarterThatHasNotStartedIsRefusedNamingTheQuarter() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		assertThatThrownBy(() -> this.roi.report(admin, "2027-Q1", null)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.errors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("quarter");
					assertThat(e.message()).contains("has not started");
				}));
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.get("/api/v1/roi?quarter=2027-Q1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("has not started")));
		api.get("/api/v1/roi/reinvest?quarter=2027-Q1").andExpect(status().isBadRequest());
		api.get("/api/v1/roi/totals.csv?quarter=2027-Q1").andExpect(status().isBadRequest());
		api.get("/api/v1/roi?quarter=2026-Q4").andExpect(status().isOk());
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(admin)).param("password", "secret").with(csrf()))
			.andReturn();
		this.mvc.perform(get("/roi?quarter=2027-Q1").session((MockHttpSession) login.getRequest().getSession(false)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("has not started")));
	}

	private BigDecimal pam(com.trellis.identity.Viewer viewer, String quarter, long partner) {
		return this.roi.report(viewer, quarter, partner).partners().get(0).pamCost();
	}

}
