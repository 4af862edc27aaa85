package com.trellis.shared;

import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A parameter that takes one value, given more than once, is a 400 naming it and saying
 * so, on the API and on pages, and changes nothing (try-out: an enum answered with an
 * array's Java name, a text was joined with a comma, a boolean kept its first value).
 * Parameters that take several values keep them all; the role and ownership checks still
 * come first.
 */
@TrellisTest
class RepeatedParameterTests {

	private static final String TWICE = "was given 2 times; give it once";

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void anApiListFilterGivenTwiceIsRefusedNamingItNotWithAnArraysJavaName() throws Exception {
		var admin = api(Role.ADMIN);
		var body = refused(admin.get("/api/v1/registrations?status=PENDING&status=APPROVED"), "status");
		assertThat(body).contains("status: " + TWICE).doesNotContain("[Ljava");
		refused(admin.get("/api/v1/registrations?status=1&status=2"), "status");
		refused(admin.get("/api/v1/users?role=1&role=2"), "role");
		refused(admin.get("/api/v1/partners?type=RESELLER&type=RESELLER"), "type");
	}

	/** The try-out's list, every kind of one-value parameter the API reads. */
	@Test
	void eachOneValueParameterOfTheApiIsRefusedWhenRepeated() throws Exception {
		var admin = api(Role.ADMIN);
		var repeated = List.of(Map.entry("/api/v1/partners?type=RESELLER&type=MSP", "type"),
				Map.entry("/api/v1/partners?tier=TIER_1&tier=TIER_2", "tier"),
				Map.entry("/api/v1/partners?lifecycle=ACTIVE&lifecycle=ACTIVE", "lifecycle"),
				Map.entry("/api/v1/opportunities?stage=CLOSED_WON&stage=CLOSED_LOST", "stage"),
				Map.entry("/api/v1/opportunities?ownerId=1&ownerId=2", "ownerId"),
				Map.entry("/api/v1/opportunities?page=0&page=1", "page"),
				Map.entry("/api/v1/kpis?from=2026-01-01&from=2026-02-01&to=2026-06-30", "from"),
				Map.entry("/api/v1/kpis/funnel?from=2026-01-01&to=2026-06-30&to=2026-05-31", "to"),
				Map.entry("/api/v1/kpis?slice=TIER&slice=REGION", "slice"),
				Map.entry("/api/v1/forecast/rollup?scope=PROGRAM&scope=PAM", "scope"),
				Map.entry("/api/v1/forecast/rollup?day=2026-08-10&day=2026-08-11", "day"),
				Map.entry("/api/v1/adoption/reps?from=2026-01-01&from=2026-01-02&to=2026-06-30", "from"),
				Map.entry("/api/v1/leads?status=SUBMITTED&status=ROUTED", "status"));
		for (var query : repeated) {
			admin.get(query.getKey())
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(query.getValue()))
				.andExpect(jsonPath("$.errors[0].message").value(TWICE));
		}
		var world = this.fixtures.world("Repeated Stage Partner");
		var body = admin
			.post("/api/v1/opportunities/" + world.dealId() + "/advance?seenStage=QUALIFIED&seenStage=PROPOSAL", "")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("seenStage: " + TWICE);
	}

	@Test
	void anApiBooleanGivenTwiceIsRefusedWhicheverValueComesFirst() throws Exception {
		var admin = api(Role.ADMIN);
		refused(admin.get("/api/v1/opportunities?open=true&open=false"), "open");
		refused(admin.get("/api/v1/opportunities?open=false&open=true"), "open");
		admin.get("/api/v1/opportunities?open=true").andExpect(status().isOk());
	}

	@Test
	void everyRepeatedParameterIsNamedInOneRound() throws Exception {
		var body = api(Role.ADMIN).get("/api/v1/opportunities?open=true&open=false&stage=WON&stage=LOST&stage=WON")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("open"))
			.andExpect(jsonPath("$.errors[1].field").value("stage"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("stage: was given 3 times; give it once");
	}

	@Test
	void aPageListFilterGivenTwiceShowsTheErrorPageNamingIt() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		var page = this.mvc.perform(get("/registrations?status=PENDING&status=APPROVED").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(TWICE).contains("<nav").doesNotContain("[Ljava");
		var users = this.mvc.perform(get("/admin/users?role=1&role=2").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(users).contains(TWICE).doesNotContain("unknown role");
	}

	@Test
	void aFormTextFieldGivenTwiceCreatesNothing() throws Exception {
		var world = this.fixtures.world("Repeated Field Partner");
		long before = this.fixtures.count("deal_registration");
		var page = this.mvc
			.perform(registration(login(world.ae()), world.partnerId()).param("customerName", "Fuzz Corp")
				.param("customerName", "7"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(TWICE).doesNotContain("Fuzz Corp,7");
		var amount = this.mvc
			.perform(registration(login(world.ae()), world.partnerId()).param("customerName", "Fuzz Corp")
				.param("amount", "5"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(amount).contains(TWICE).doesNotContain("decimal separator");
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	@Test
	void aParameterThatTakesSeveralValuesKeepsThemAll() throws Exception {
		var session = login(this.fixtures.user(Role.ADMIN));
		this.mvc.perform(get("/cohorts?show=1&show=2").session(session)).andExpect(status().isOk());
		// one unreadable value among several is named with the values as given
		var page = this.mvc.perform(get("/cohorts?show=1&show=x").session(session))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("1,x").doesNotContain("[Ljava").doesNotContain(TWICE);
	}

	@Test
	void aRefusedRoleOrRecordStillGetsForbiddenWithARepeatedParameter() throws Exception {
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM))).get("/api/v1/users?role=1&role=2")
			.andExpect(status().isForbidden());
		var world = this.fixtures.world("Repeated Refused Partner");
		this.mvc
			.perform(registration(login(this.fixtures.user(Role.EXECUTIVE)), world.partnerId())
				.param("customerName", "Fuzz Corp")
				.param("customerName", "7"))
			.andExpect(status().isForbidden());
		var other = this.fixtures.world("Repeated Other Partner");
		var stranger = new Api(this.mvc, this.fixtures.token(other.partnerUser()));
		assertThat(stranger
			.post("/api/v1/opportunities/" + world.dealId() + "/advance?seenStage=QUALIFIED&seenStage=PROPOSAL", "")
			.andReturn()
			.getResponse()
			.getStatus()).isIn(403, 404);
		this.mvc
			.perform(registration(login(world.partnerUser()), other.partnerId()).param("customerName", "Fuzz Corp")
				.param("customerName", "7"))
			.andExpect(status().isForbidden());
	}

	/** A registration form complete but for what each test adds. */
	private MockHttpServletRequestBuilder registration(MockHttpSession session, long partnerId) {
		return post("/registrations").session(session)
			.with(csrf())
			.param("customerDomain", "fuzz-corp.example")
			.param("customerNeed", "Replace the legacy order system")
			.param("amount", "48000")
			.param("currency", "USD")
			.param("expectedCloseDate", "2027-04-30")
			.param("creditType", "SOURCED")
			.param("partnerId", String.valueOf(partnerId));
	}

	private Api api(Role role) {
		return new Api(this.mvc, this.fixtures.token(this.fixtures.user(role)));
	}

	private static String refused(ResultActions result, String field) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
