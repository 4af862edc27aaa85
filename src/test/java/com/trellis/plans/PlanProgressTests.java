package com.trellis.plans;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan moves on: its writers close it achieved or abandoned with a note (audited; a
 * closed plan stays as it was), the partner's own users tick the actions their side
 * carries out (who and when kept), and each reader exports the plans it reads.
 */
@TrellisTest
class PlanProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	TestClock clock;

	@Test
	void aPlanClosesAchievedWithItsNoteAuditedAndThenStaysAsItWas() throws Exception {
		var a = this.fixtures.world("Plan Close A");
		var b = this.fixtures.world("Plan Close B");
		var pam = new Api(this.mvc, this.fixtures.token(a.pam()));
		long id = plan(pam, a);
		// who may not close is refused whatever it sends; bad fields are named
		new Api(this.mvc, this.fixtures.token(a.partnerUser())).post(close(id), "{}").andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(b.pam())).post(close(id), "{}").andExpect(status().isNotFound());
		pam.post(close(id), "{\"outcome\": \"WON\", \"note\": \"Won it\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("outcome")));
		pam.post(close(id), "{\"note\": \" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("outcome", "note")));
		pam.get("/api/v1/account-plans/" + id).andExpect(jsonPath("$.status").value("OPEN"));

		pam.post(close(id), "{\"outcome\": \"ACHIEVED\", \"note\": \"Two deals won together, EUR 310k\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome").value("ACHIEVED"))
			.andExpect(jsonPath("$.outcomeNote").value("Two deals won together, EUR 310k"))
			.andExpect(jsonPath("$.closedByName").value(a.pam().name()))
			.andExpect(jsonPath("$.closedAt").value(startsWith(minute(this.clock.instant()))));
		pam.post(close(id), "{\"outcome\": \"ABANDONED\", \"note\": \"again\"}").andExpect(status().isConflict());
		pam.post("/api/v1/account-plans/" + id + "/actions", action("VENDOR")).andExpect(status().isConflict());
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'account-plan' AND entity_id = :id
				AND action = 'closed as achieved'
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		// the partner may open a new plan for the account once the old one is closed
		pam.post("/api/v1/account-plans", body(a)).andExpect(status().isCreated());
	}

	@Test
	void aPartnerUserTicksOnlyItsOwnSidesActionsOfItsOwnPlansAndWhoAndWhenIsKept() throws Exception {
		var a = this.fixtures.world("Plan Tick A");
		var b = this.fixtures.world("Plan Tick B");
		var pam = new Api(this.mvc, this.fixtures.token(a.pam()));
		long id = plan(pam, a);
		long theirs = actionId(pam.post("/api/v1/account-plans/" + id + "/actions", action("PARTNER")), 0);
		long ours = actionId(pam.post("/api/v1/account-plans/" + id + "/actions", action("VENDOR")), 1);
		var partner = new Api(this.mvc, this.fixtures.token(a.partnerUser()));
		var done = "{\"status\": \"DONE\"}";

		partner.put(tick(id, ours), done).andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(b.partnerUser())).put(tick(id, theirs), done)
			.andExpect(status().isNotFound());
		partner.put(tick(id, theirs), "{\"status\": \"DROPPED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		Instant ticked = this.clock.instant();
		partner.put(tick(id, theirs), done)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actions[?(@.id == %d)].status".formatted(theirs)).value(contains("DONE")))
			.andExpect(jsonPath("$.actions[?(@.id == %d)].doneByName".formatted(theirs))
				.value(contains(a.partnerUser().name())))
			.andExpect(jsonPath("$.actions[?(@.id == %d)].doneAt".formatted(theirs))
				.value(contains(startsWith(minute(ticked)))))
			.andExpect(jsonPath("$.actions[?(@.id == %d)].status".formatted(ours)).value(contains("OPEN")));
		partner.put(tick(id, theirs), "{\"status\": \"OPEN\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actions[?(@.id == %d)].doneAt".formatted(theirs)).value(contains(nullValue())));
		pam.post(close(id), "{\"outcome\": \"ABANDONED\", \"note\": \"The customer froze its budget\"}")
			.andExpect(status().isOk());
		partner.put(tick(id, theirs), done).andExpect(status().isConflict());
	}

	@Test
	void eachReaderExportsThePlansItReadsOneRowPerAction() throws Exception {
		var a = this.fixtures.world("Plan Export A");
		var b = this.fixtures.world("Plan Export B");
		long planOfA = plan(new Api(this.mvc, this.fixtures.token(a.pam())), a);
		new Api(this.mvc, this.fixtures.token(a.pam())).post("/api/v1/account-plans/" + planOfA + "/actions",
				action("PARTNER"));
		plan(new Api(this.mvc, this.fixtures.token(b.pam())), b);
		var csv = new Api(this.mvc, this.fixtures.token(a.partnerUser())).get("/api/v1/account-plans/export.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		var lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFplan_id,title,partner_id,partner,account_id,account,status,outcome");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).startsWith(planOfA + ",").contains("Joint workshop with the CIO", "PARTNER", "OPEN");
		assertThat(csv).doesNotContain("Plan of " + b.partnerId());
		// the list's link carries its filters, and the file holds what the list shows
		var c = this.fixtures.world("Plan Export C");
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(c.pam());
		long closed = this.fixtures.accountPlan(c, "Closed s63 export plan");
		this.jdbc.sql(
				"UPDATE account_plan SET status = 'CLOSED', outcome = 'ACHIEVED', outcome_note = 'Won', closed_at = now() WHERE id = :id")
			.param("id", closed)
			.update();
		assertThat(com.trellis.support.Readers.read(this.mvc, session, "/account-plans?q=s63&status=CLOSED"))
			.contains("href=\"/account-plans/export.csv?q=s63&amp;status=CLOSED\"");
		assertThat(
				com.trellis.support.Readers.records(this.mvc, session, "/account-plans/export.csv?q=s63&status=CLOSED"))
			.extracting(r -> r.get("plan_id"))
			.containsOnly(String.valueOf(closed));
		assertThat(
				com.trellis.support.Readers.records(this.mvc, session, "/account-plans/export.csv?q=s63&status=OPEN"))
			.isEmpty();
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/account-plans/export.csv?status=DONE")
				.session(session))
			.andExpect(status().isBadRequest());
		// the API's list and export take the same filters (try16: "it takes page, size")
		var api = new Api(this.mvc, this.fixtures.token(c.pam()));
		api.get("/api/v1/account-plans?q=s63&status=CLOSED")
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1));
		assertThat(api.get("/api/v1/account-plans/export.csv?q=s63&status=OPEN")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.lines()).hasSize(1);
		api.get("/api/v1/account-plans/export.csv?status=DONE").andExpect(status().isBadRequest());
	}

	@Test
	void onThePlanPageThePartnerTicksItsSidesActionAndThePamClosesThePlan() throws Exception {
		var a = this.fixtures.world("Plan Page A");
		var pam = new Api(this.mvc, this.fixtures.token(a.pam()));
		long id = plan(pam, a);
		long theirs = actionId(pam.post("/api/v1/account-plans/" + id + "/actions", action("PARTNER")), 0);
		var partner = login(a.partnerUser());
		var page = this.mvc.perform(get("/account-plans/" + id).session(partner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Mark done").doesNotContain("close-plan");
		this.mvc
			.perform(post("/account-plans/" + id + "/actions/" + theirs + "/status").param("status", "DONE")
				.session(partner)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		pam.get("/api/v1/account-plans/" + id)
			.andExpect(jsonPath("$.actions[0].status").value("DONE"))
			.andExpect(jsonPath("$.actions[0].doneByName").value(a.partnerUser().name()));
		var session = login(a.pam());
		assertThat(this.mvc.perform(get("/account-plans/" + id).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("close-plan", a.partnerUser().name());
		this.mvc
			.perform(post("/account-plans/" + id + "/close").param("outcome", "ABANDONED")
				.param("note", "Budget frozen")
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.mvc.perform(get("/account-plans/" + id).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Abandoned", "Budget frozen").doesNotContain("close-plan");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/** An instant to the minute, as JSON writes it. */
	private static String minute(Instant at) {
		return at.toString().substring(0, 16);
	}

	private long plan(Api pam, Fixtures.World w) throws Exception {
		var json = pam.post("/api/v1/account-plans", body(w))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	private static long actionId(org.springframework.test.web.servlet.ResultActions result, int index)
			throws Exception {
		var json = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.actions[" + index + "].id")).longValue();
	}

	private String body(Fixtures.World w) {
		var today = this.calendar.today();
		return """
				{"partnerId": %d, "accountId": %d, "title": "Plan of %s", "pipelineGoal": 250000, "revenueGoal": 100000,
				 "currency": "EUR", "startsOn": "%s", "endsOn": "%s", "vendorOwnerId": %d, "partnerContactId": %d}
				""".formatted(w.partnerId(), w.accountId(), w.partnerId(), today, today.plusDays(90), w.ae().userId(),
				w.partnerUser().userId());
	}

	private String action(String side) {
		return "{\"description\": \"Joint workshop with the CIO\", \"side\": \"%s\", \"dueOn\": \"%s\"}".formatted(side,
				this.calendar.today().plusDays("PARTNER".equals(side) ? 10 : 20));
	}

	private static String close(long id) {
		return "/api/v1/account-plans/" + id + "/close";
	}

	private static String tick(long id, long action) {
		return "/api/v1/account-plans/" + id + "/actions/" + action + "/status";
	}

}
