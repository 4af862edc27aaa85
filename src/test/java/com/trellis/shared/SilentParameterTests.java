package com.trellis.shared;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Parameters a report or list used to take silently (issue 12, time leftover 7): a value
 * that names nothing is a 400 naming the parameter, never read as something else.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Europe/Berlin" })
class SilentParameterTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void aQueryParameterTheOperationDoesNotReadIsRefusedNamingIt() throws Exception {
		// s55: /api/v1/registrations?q=zzz answered the whole list, as if filtered
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/registrations?q=zzz"), "q");
		admin.get("/api/v1/registrations?stauts=PENDING&page=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("stauts"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("it takes")));
		refused(admin.get("/api/v1/exchange-rates?currency=EUR"), "currency");
		admin.get("/api/v1/registrations?page=0&size=5").andExpect(status().isOk());
		// a caller refused the operation learns nothing from its parameters
		api(Role.AE).get("/api/v1/payout-runs/preview?bogus=1").andExpect(status().isForbidden());
	}

	@Test
	void aQuotaQuarterThatDoesNotExistIsRefusedNamingQuarter() throws Exception {
		refused(api(Role.ADMIN).get("/api/v1/forecast/quotas?quarter=2026-Q9"), "quarter");
		refused(api(Role.ADMIN).get("/api/v1/forecast/quotas?quarter=next"), "quarter");
	}

	@Test
	void forecastAgainstActualRefusesQuarterCountsOutsideOneToTwelve() throws Exception {
		var admin = api(Role.ADMIN);
		for (var quarters : List.of("0", "-3", "13", "1000")) {
			refused(admin.get("/api/v1/forecast/versus-actual?quarters=" + quarters), "quarters");
		}
		admin.get("/api/v1/forecast/versus-actual?quarters=12").andExpect(status().isOk());
	}

	@Test
	void forecastDaysOutsideTheProgramsDateWindowAndIdsOfTheProgramScopeAreRefused() throws Exception {
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/forecast/rollup?day=0001-01-01"), "day");
		refused(admin.get("/api/v1/forecast/accuracy?day=9999-12-31"), "day");
		refused(admin.get("/api/v1/forecast/rollup?scope=PROGRAM&scopeId=7"), "scopeId");
	}

	@Test
	void theForecastPageRefusesADayOrScopeItCannotRead() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = login(admin);
		for (var query : List.of("day=2026-02-30", "day=9999-12-31", "scope=EVERYONE", "scope=REP")) {
			this.mvc.perform(get("/forecast?" + query).session(session)).andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/forecast?day=2026-08-10").session(session)).andExpect(status().isOk());
		var rep = this.fixtures.user(Role.AE);
		this.mvc.perform(get("/forecast?scope=PROGRAM").session(login(rep))).andExpect(status().isForbidden());
	}

	/**
	 * The forecast API without a scope answers the viewer's own, as the page does (it
	 * answered the program, refused to everyone but admins and executives).
	 */
	@Test
	void theForecastApiWithoutAScopeAnswersTheViewersOwn() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var api = new Api(this.mvc, this.fixtures.token(pam));
		for (var path : new String[] { "/api/v1/forecast/rollup", "/api/v1/forecast/changes",
				"/api/v1/forecast/versus-actual" }) {
			var own = api.get(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			var asked = api.get(path + "?scope=PAM&scopeId=" + pam.userId())
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			org.assertj.core.api.Assertions.assertThat(own).as(path).isEqualTo(asked);
		}
	}

	@Test
	void aForecastScopeIdWithoutItsScopeIsRefusedNamingScopeIdOnThePageAndInTheApi() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var page = this.mvc
			.perform(get("/forecast?scopeId=" + pam.userId()).session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("scopeId")
			.contains("<strong>Partner or person of the scope</strong>")
			.contains("give the scope the id belongs to")
			.contains("<nav");
		refused(api(Role.ADMIN).get("/api/v1/forecast/rollup?scopeId=" + pam.userId()), "scopeId");
		refused(api(Role.ADMIN).get("/api/v1/forecast/changes?scopeId=" + pam.userId()), "scopeId");
		// a client asking the page for JSON gets the problem detail its other errors get
		this.mvc
			.perform(get("/forecast?scopeId=" + pam.userId()).accept("application/json")
				.session(login(this.fixtures.user(Role.ADMIN))))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("scopeId"));
		// an id of another role is named with the role's own name
		var ae = this.fixtures.user(Role.AE);
		org.assertj.core.api.Assertions
			.assertThat(this.mvc
				.perform(get("/forecast?scope=PAM&scopeId=" + ae.userId())
					.session(login(this.fixtures.user(Role.ADMIN))))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.contains("no PAM has the id " + ae.userId());
	}

	@Test
	void theForecastPageNamesWhoseForecastItShowsNotItsCode() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));
		var pam = this.fixtures.user(Role.PAM);
		var partner = this.fixtures.partner("Scope Name Partner", pam.userId());
		var pamPage = this.mvc.perform(get("/forecast?scope=PAM&scopeId=" + pam.userId()).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(pamPage).contains("Scope: PAM · " + pam.name());
		var partnerPage = this.mvc.perform(get("/forecast?scope=PARTNER&scopeId=" + partner).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(partnerPage)
			.contains("Scope: Partner · Scope Name Partner")
			.doesNotContain("Scope: PARTNER");
		var programPage = this.mvc.perform(get("/forecast?scope=PARTNERS").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(programPage).contains("Scope: Partner deals of the program (");
	}

	@Test
	void thePartnerListRefusesASortItDoesNotKnow() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		refused(new Api(this.mvc, this.fixtures.token(admin)).get("/api/v1/partners?sort=revenue"), "sort");
		this.mvc.perform(get("/partners?sort=revenue").session(login(admin))).andExpect(status().isBadRequest());
	}

	@Test
	void aPageSizeOutsideOneToTwoHundredOrANegativePageIsRefusedOnEveryList() throws Exception {
		var admin = api(Role.ADMIN);
		for (var list : List.of("opportunities", "partners", "accounts", "leads", "registrations", "process/stalled",
				"activation")) {
			refused(admin.get("/api/v1/" + list + "?size=0"), "size");
			refused(admin.get("/api/v1/" + list + "?size=5000"), "size");
			refused(admin.get("/api/v1/" + list + "?page=-1"), "page");
		}
	}

	@Test
	void aKpiPeriodWithOnlyOneEndIsRefusedNotReadAsTheCurrentQuarter() throws Exception {
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/kpis?from=2026-10-01"), "to");
		refused(admin.get("/api/v1/kpis/PARTNER_SOURCED_REVENUE/trend?to=2026-10-01"), "from");
		refused(admin.get("/api/v1/adoption/reps?from=2026-10-01"), "to");
	}

	@Test
	void aMissingRequiredParameterIsA400NamingIt() throws Exception {
		refused(api(Role.ADMIN).get("/api/v1/forecast/accuracy"), "day");
	}

	@Test
	void aForecastScopeIdThatNamesNobodyIsRefusedNamingScopeId() throws Exception {
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/forecast/rollup?scope=PAM&scopeId=99999"), "scopeId");
		refused(admin.get("/api/v1/forecast/rollup?scope=PARTNER&scopeId=99999"), "scopeId");
		refused(admin.get("/api/v1/forecast/versus-actual?scope=REP&scopeId=99999"), "scopeId");
		var pam = this.fixtures.user(Role.PAM);
		refused(admin.get("/api/v1/forecast/rollup?scope=MANAGER&scopeId=" + pam.userId()), "scopeId");
		admin.get("/api/v1/forecast/rollup?scope=PAM&scopeId=" + pam.userId()).andExpect(status().isOk());
	}

	@Test
	void aSliceValueIsNeverIgnoredOrReadAsSomethingElse() throws Exception {
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/kpis?slice=PROGRAM&sliceValue=2"), "sliceValue");
		refused(admin.get("/api/v1/kpis?sliceValue=2"), "sliceValue");
		admin.get("/api/v1/kpis?slice=PROGRAM&sliceValue=").andExpect(status().isOk());
		var partnerUser = this.fixtures.world("Slice asker").partnerUser();
		var partner = new Api(this.mvc, this.fixtures.token(partnerUser));
		partner.get("/api/v1/kpis?slice=PARTNER&sliceValue=" + (partnerUser.partnerId() + 1))
			.andExpect(status().isForbidden());
		partner.get("/api/v1/kpis?slice=TIER&sliceValue=TIER_1_INVEST").andExpect(status().isForbidden());
		partner.get("/api/v1/kpis?slice=PARTNER&sliceValue=" + partnerUser.partnerId()).andExpect(status().isOk());
		var page = login(this.fixtures.user(Role.ADMIN));
		this.mvc.perform(get("/metrics?slice=PROGRAM&sliceValue=").session(page)).andExpect(status().isOk());
	}

	@Test
	void theRoleIsCheckedBeforeAForecastScopeOrAnAdoptionPeriodIsValidated() throws Exception {
		var pam = api(Role.PAM);
		pam.get("/api/v1/forecast/rollup?scope=PAM").andExpect(status().isForbidden());
		pam.get("/api/v1/forecast/rollup?scope=PROGRAM&scopeId=3").andExpect(status().isForbidden());
		pam.get("/api/v1/forecast/accuracy?scope=REP").andExpect(status().isForbidden());
		var partner = new Api(this.mvc, this.fixtures.token(this.fixtures.world("Role first").partnerUser()));
		partner.get("/api/v1/adoption/reps?from=2026-10-01").andExpect(status().isForbidden());
		partner.get("/api/v1/forecast/rollup?scope=PARTNER").andExpect(status().isForbidden());
	}

	private Api api(Role role) {
		return new Api(this.mvc, this.fixtures.token(this.fixtures.user(role)));
	}

	private static void refused(org.springframework.test.web.servlet.ResultActions result, String field)
			throws Exception {
		result.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
