package com.trellis.shared;

import java.time.Instant;
import java.util.TimeZone;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Quarters named and read by one rule, the fiscal-year label (issue 12, time leftover 5):
 * with a fiscal year from February, FY2027 runs from 1 February 2026 to 31 January 2027,
 * "2026-Q4" could mean FY2026-Q4 or the calendar's fourth quarter and is refused, and a
 * KPI trend over fiscal quarters names each one. The 1 MB upload limit is
 * {@link com.trellis.web.TooLargeUploadTests}', which shares this context instead of
 * starting one of its own (nothing here uploads a file).
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Europe/Berlin", "trellis.business.fiscal-year-start=FEBRUARY",
		"spring.servlet.multipart.max-file-size=1MB" })
class FiscalYearLabelTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInNewYork() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheJvmZone() {
		TimeZone.setDefault(this.jvmZone);
	}

	@Test
	void aCadenceQuarterWithoutTheFiscalYearLabelIsAmbiguousAndRefusedNamingQuarter() throws Exception {
		var admin = admin();
		admin.get("/api/v1/cadence/2026-Q4")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("FY2027-Q1")));
		admin.get("/api/v1/cadence/2026-Q4/WEEKLY_CALL/1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
		admin.get("/api/v1/cadence/FY2027-Q4").andExpect(status().isOk());
		admin.get("/api/v1/cadence/FY2027-Q5")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
	}

	@Test
	void aQuarterOutsideTheProgramsDatesIsRefusedNamingQuarter() throws Exception {
		var admin = admin();
		admin.get("/api/v1/cadence/FY0000-Q1")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("1970-01-01")));
		admin.get("/api/v1/cadence/FY2202-Q1").andExpect(status().isBadRequest());
	}

	@Test
	void aQuotaQuarterIsReadByTheSameRule() throws Exception {
		var admin = admin();
		admin.get("/api/v1/forecast/quotas?quarter=2026-Q4")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
		admin.get("/api/v1/forecast/quotas?quarter=FY2027-Q4").andExpect(status().isOk());
	}

	@Test
	void theForecastPageOfTheProgramsFirstAndLastDayOpensThoughTheirQuartersReachPastThem() throws Exception {
		// FY2101-Q4 runs from November 2100 to January 2101, past the program's last day
		// (2100-12-31): the page of that day reads its quarter's quotas, no quarter asked
		// for by label
		var admin = this.fixtures.user(Role.ADMIN);
		var result = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", this.fixtures.email(admin))
				.param("password", "secret")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
		for (var day : java.util.List.of("2100-12-31", "1970-01-01")) {
			this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/forecast?day=" + day)
					.session(session))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string(containsString(day.startsWith("2100") ? "FY2101-Q4" : "FY1970-Q4")));
		}
	}

	@Test
	void aKpiTrendOverFiscalQuartersNamesEachQuarter() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T10:00:00Z"));
		admin().get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?from=2026-11-01&to=2027-01-31")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].period")
				.value(contains("FY2026-Q3", "FY2026-Q4", "FY2027-Q1", "FY2027-Q2", "FY2027-Q3", "FY2027-Q4")));
	}

	@Test
	void aKpiTrendOverMonthsKeepsItsDates() throws Exception {
		admin().get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?from=2026-11-01&to=2026-11-30")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[5].period").value("2026-11-01 – 2026-11-30"));
	}

	@Test
	void aCohortIsTheFiscalQuarterItsPartnersWereOnboardedIn() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("November cohort partner", pam.userId());
		this.jdbc.sql("UPDATE partner SET onboarded_on = DATE '2026-11-10' WHERE id = ?").params(partner).update();
		var admin = admin();
		admin.get("/api/v1/kpis?from=2026-11-01&to=2026-11-30&slice=ONBOARDING_QUARTER&sliceValue=FY2027-Q4")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'PARTNER_RECRUITMENT')].value").value(contains(1)));
		admin.get("/api/v1/kpis?slice=ONBOARDING_QUARTER&sliceValue=2026-Q4")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sliceValue"));
	}

	private Api admin() {
		return new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
	}

}
