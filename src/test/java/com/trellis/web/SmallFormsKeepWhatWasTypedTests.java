package com.trellis.web;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The small forms on a record's page keep what was typed when refused: an account plan's
 * new action and its closing note, a lead's first follow-up and its decline reason, a
 * deal's correction. The refusal is named beside its field and nothing is saved.
 */
@TrellisTest
class SmallFormsKeepWhatWasTypedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPlanActionWithADueDateTypedAsSoonComesBackWithItsDescriptionAndSide() throws Exception {
		var world = this.fixtures.world("Plan Action Typist");
		long plan = this.fixtures.accountPlan(world, "Typist plan");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var refused = send(ae,
				post("/account-plans/" + plan + "/actions").param("description", "Joint webinar for CFOs")
					.param("side", "PARTNER")
					.param("dueOn", "soon"));
		assertThat(count("account_plan_action", plan)).isZero();
		var page = page(ae, "/account-plans/" + plan, refused);
		assertThat(page).contains("value=\"Joint webinar for CFOs\"")
			.contains("value=\"PARTNER\" selected=\"selected\"")
			.contains("value=\"soon\"");
	}

	@Test
	void aPlanClosedWithoutAnOutcomeKeepsItsNote() throws Exception {
		var world = this.fixtures.world("Plan Close Typist");
		long plan = this.fixtures.accountPlan(world, "Typist plan");
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var refused = send(ae,
				post("/account-plans/" + plan + "/close").param("outcome", "MAYBE").param("note", "Won two of three"));
		assertThat(
				this.jdbc.sql("SELECT status FROM account_plan WHERE id = ?").param(plan).query(String.class).single())
			.isEqualTo("OPEN");
		assertThat(page(ae, "/account-plans/" + plan, refused)).contains(">Won two of three</textarea>");
	}

	@Test
	void aFollowUpOfAnUnknownTypeKeepsItsNoteAndADeclineWithoutAReasonIsNamedBesideIt() throws Exception {
		var world = this.fixtures.world("Lead Work Typist");
		long lead = this.jdbc.sql("""
				INSERT INTO partner_lead (partner_id, submitted_by, company_name, contact_name, status, routing_reason,
				                          rep_id, submitted_at, routed_at, follow_up_due_at)
				VALUES (:partner, :by, 'Typist Lead Co', 'Someone', 'ROUTED', 'test', :rep, now(), now(),
				        now() + interval '3 days') RETURNING id""")
			.param("partner", world.partnerId())
			.param("by", world.partnerUser().userId())
			.param("rep", world.ae().userId())
			.query(Long.class)
			.single();
		var ae = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.ae());
		var followUp = send(ae,
				post("/leads/" + lead + "/follow-up").param("type", "FAX").param("note", "Left a voicemail"));
		assertThat(page(ae, "/leads/" + lead, followUp)).contains("value=\"Left a voicemail\"");
		var declined = send(ae, post("/leads/" + lead + "/decline").param("reason", " "));
		assertThat(page(ae, "/leads/" + lead, declined)).contains("id=\"decline-reason-error\"");
		assertThat(
				this.jdbc.sql("SELECT status || coalesce(first_follow_up_at::text, '') FROM partner_lead WHERE id = ?")
					.param(lead)
					.query(String.class)
					.single())
			.isEqualTo("ROUTED");
	}

	@Test
	void aDealCorrectionWithAnAmountThatCannotBeReadKeepsItsCurrencyAndReason() throws Exception {
		var world = this.fixtures.world("Correction Typist");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON' WHERE id = ?").param(world.dealId()).update();
		var admin = new Readers(this.mvc, this.jdbc, this.fixtures)
			.signIn(this.fixtures.user(com.trellis.identity.Role.ADMIN));
		var refused = send(admin,
				post("/opportunities/" + world.dealId() + "/correction").param("amount", "lots")
					.param("currency", "EUR")
					.param("reason", "Typed from the signed order"));
		assertThat(page(admin, "/opportunities/" + world.dealId(), refused)).contains("value=\"lots\"")
			.contains("value=\"EUR\"")
			.contains("value=\"Typed from the signed order\"");
	}

	private MvcResult send(MockHttpSession session,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		var result = this.mvc.perform(request.session(session).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("error")).isNotNull();
		return result;
	}

	private String page(MockHttpSession session, String path, MvcResult refused) throws Exception {
		var response = this.mvc.perform(get(path).session(session).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private long count(String table, long plan) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE plan_id = ?")
			.param(plan)
			.query(Long.class)
			.single();
	}

}
