package com.trellis.handover;

import com.trellis.identity.Role;
import com.trellis.leads.LeadCommand;
import com.trellis.leads.Leads;
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
 * A leaver's accounts, open deals, leads and partner book move to their successors in one
 * audited action, and nothing moves when one kind has no fitting receiver.
 */
@TrellisTest
class HandoverTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Leads leads;

	@Test
	void aLeavingRepsAccountsOpenDealsAndLeadsMoveToTheirSuccessorInOneAuditedStep() throws Exception {
		var world = this.fixtures.world("Handover Rep World");
		var leaver = world.ae();
		long closed = this.fixtures.partnerDeal(world.accountId(), leaver.userId(), world.partnerId(), "5000.00");
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON' WHERE id = ?").param(closed).update();
		var lead = this.leads.submit(world.partnerUser(),
				new LeadCommand(null, "Handover Rep World customer", null, "Jo Buyer", null, null));
		assertThat(lead.repId()).isEqualTo(leaver.userId());
		var successor = this.fixtures.user(Role.AE);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));

		admin.get("/api/v1/users/" + leaver.userId() + "/work")
			.andExpect(jsonPath("$.ACCOUNTS").value(1))
			.andExpect(jsonPath("$.DEALS").value(1))
			.andExpect(jsonPath("$.LEADS").value(1))
			.andExpect(jsonPath("$.PARTNERS").value(0));
		admin.post("/api/v1/users/" + leaver.userId() + "/reassign", "{\"toUserId\": %d}".formatted(successor.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved.ACCOUNTS.count").value(1))
			.andExpect(jsonPath("$.moved.DEALS.count").value(1))
			.andExpect(jsonPath("$.moved.LEADS.count").value(1))
			.andExpect(jsonPath("$.moved.PARTNERS").doesNotExist());

		assertThat(ownerOf("account", "owner_ae_id", world.accountId())).isEqualTo(successor.userId());
		assertThat(ownerOf("opportunity", "owner_id", world.dealId())).isEqualTo(successor.userId());
		assertThat(ownerOf("opportunity", "owner_id", closed)).as("a closed deal keeps who closed it")
			.isEqualTo(leaver.userId());
		assertThat(ownerOf("partner_lead", "rep_id", lead.id())).isEqualTo(successor.userId());
		var audit = this.jdbc.sql("""
				SELECT action FROM audit_entry WHERE entity_type = 'user' AND entity_id = ?
				""").param(String.valueOf(leaver.userId())).query(String.class).list();
		assertThat(audit).containsExactly("work of " + leaver.name() + " handed over: 1 account to " + successor.name()
				+ "; 1 open deal to " + successor.name() + "; 1 lead with them to " + successor.name());
	}

	@Test
	void aLeaversOpenAccountPlansGoToTheReceiverAndClosedOnesKeepTheirOwner() throws Exception {
		var world = this.fixtures.world("Handover Plan World");
		long closed = this.fixtures.accountPlan(world, "Closed joint plan");
		this.jdbc
			.sql("""
					UPDATE account_plan SET status = 'CLOSED', outcome = 'ACHIEVED', outcome_note = 'Done', closed_at = now()
					WHERE id = ?
					""")
			.param(closed)
			.update();
		long open = this.fixtures.accountPlan(world, "Open joint plan");
		var successor = this.fixtures.user(Role.AE);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));

		admin.get("/api/v1/users/" + world.ae().userId() + "/work").andExpect(jsonPath("$.PLANS").value(1));
		admin
			.post("/api/v1/users/" + world.ae().userId() + "/reassign",
					"{\"toUserId\": %d}".formatted(successor.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved.PLANS.count").value(1));

		assertThat(ownerOf("account_plan", "vendor_owner_id", open)).isEqualTo(successor.userId());
		assertThat(ownerOf("account_plan", "vendor_owner_id", closed)).isEqualTo(world.ae().userId());
	}

	@Test
	void aPartnerBookGoesOnlyToAPamAndARefusedHandoverMovesNothing() throws Exception {
		var world = this.fixtures.world("Handover Pam World");
		var leaver = world.pam();
		var rep = this.fixtures.user(Role.AE);
		var successor = this.fixtures.user(Role.PAM);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));

		admin.post("/api/v1/users/" + leaver.userId() + "/reassign", "{\"toUserId\": %d}".formatted(rep.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toUserId"))
			.andExpect(jsonPath("$.errors[0].message").value(
					org.hamcrest.Matchers.startsWith("the 1 partner in their book goes to a partner account manager")));
		assertThat(ownerOf("partner", "owner_pam_id", world.partnerId())).isEqualTo(leaver.userId());

		admin
			.post("/api/v1/users/" + leaver.userId() + "/reassign",
					"{\"partnersToUserId\": %d}".formatted(successor.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved.PARTNERS.ids[0]").value(world.partnerId()));
		assertThat(ownerOf("partner", "owner_pam_id", world.partnerId())).isEqualTo(successor.userId());
	}

	@Test
	void aHandoverToADeactivatedUserIsRefused() throws Exception {
		var world = this.fixtures.world("Handover Gone World");
		var gone = this.fixtures.user(Role.AE);
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(gone.userId()).update();
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin
			.post("/api/v1/users/" + world.ae().userId() + "/reassign",
					"{\"accountsToUserId\": %d, \"toUserId\": %d}".formatted(gone.userId(), world.pam().userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.contains("accountsToUserId", "toUserId")));
		assertThat(ownerOf("account", "owner_ae_id", world.accountId())).isEqualTo(world.ae().userId());
		admin.post("/api/v1/users/999999999/reassign", "{}").andExpect(status().isNotFound());
	}

	@Test
	void theHandoverPageShowsWhatTheUserHoldsAndNamesTheFieldOfARefusedReceiver() throws Exception {
		var world = this.fixtures.world("Handover Page World");
		var admin = this.fixtures.user(Role.ADMIN);
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(admin)).param("password", "secret").with(csrf()))
			.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);
		var page = this.mvc.perform(get("/admin/users/" + world.pam().userId() + "/reassign").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("(?s)id=\"held-partners\">.*?<td>1</td>");
		var refused = this.mvc
			.perform(post("/admin/users/" + world.pam().userId() + "/reassign").session(session)
				.with(csrf())
				.param("toUserId", String.valueOf(world.ae().userId())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"form-errors\"").contains("goes to a partner account manager");
		assertThat(ownerOf("partner", "owner_pam_id", world.partnerId())).isEqualTo(world.pam().userId());
	}

	@Test
	void aDeactivatedManagersReportsStayEditableAndMoveToTheChosenManager() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		var other = this.fixtures.user(Role.AE, null, manager.userId());
		var successor = this.fixtures.user(Role.SALES_MANAGER);
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.post("/api/v1/users/" + manager.userId() + "/deactivate", "").andExpect(status().isOk());
		// editing a report who keeps their (now deactivated) manager is not refused
		admin
			.put("/api/v1/users/" + rep.userId(),
					"{\"email\": \"%s\", \"displayName\": \"Renamed Rep\", \"role\": \"AE\", \"managerId\": %d}"
						.formatted(this.fixtures.email(rep), manager.userId()))
			.andExpect(status().isOk());
		// naming the deactivated manager anew is refused
		admin.put("/api/v1/users/" + successor.userId(),
				"{\"email\": \"%s\", \"displayName\": \"Successor\", \"role\": \"SALES_MANAGER\", \"managerId\": %d}"
					.formatted(this.fixtures.email(successor), manager.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("managerId"));

		admin.get("/api/v1/users/" + manager.userId() + "/work").andExpect(jsonPath("$.REPORTS").value(2));
		admin
			.post("/api/v1/users/" + manager.userId() + "/reassign",
					"{\"reportsToUserId\": %d}".formatted(rep.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reportsToUserId"));
		admin
			.post("/api/v1/users/" + manager.userId() + "/reassign",
					"{\"reportsToUserId\": %d}".formatted(successor.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved.REPORTS.count").value(2));
		assertThat(ownerOf("app_user", "manager_id", rep.userId())).isEqualTo(successor.userId());
		assertThat(ownerOf("app_user", "manager_id", other.userId())).isEqualTo(successor.userId());
	}

	private long ownerOf(String table, String column, long id) {
		return this.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
