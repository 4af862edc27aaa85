package com.trellis.registration;

import com.trellis.deals.CreditType;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A PAM approving a registration with another credit than the partner proposed decides
 * against the proposal: the decision needs its reason, which the history, the audit and
 * the partner's notice keep (try01: a sourced deal approved as influenced, its share
 * halved, with nothing said why).
 */
@TrellisTest
class ApprovalCreditReasonTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherCreditThanProposedNeedsAReasonWhichThePartnerIsTold() throws Exception {
		var world = this.fixtures.world("Credit Reason Partners");
		var registered = this.registrations.register(world.partnerUser(),
				// a customer of its own: the demo's Fabrikam, registered here, held the
				// README
				// walkthrough's registration of it when both ran on one database
				RegistrationTests.command("Credit Reason Customer " + System.nanoTime() % 1_000_000,
						"credit-reason-" + System.nanoTime() % 1_000_000 + ".com"));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var url = "/api/v1/registrations/" + registered.id() + "/approve";

		pam.post(url, "{\"creditType\": \"INFLUENCED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("reason")));
		pam.post(url, "{\"creditType\": \"INFLUENCED\", \"reason\": \" \", \"ownerId\": -1}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("ownerId", "reason")));
		assertThat(this.registrations.get(world.pam(), registered.id()).status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(this.registrations.get(world.pam(), registered.id()).opportunityId()).isNull();

		pam.post(url,
				"{\"creditType\": \"INFLUENCED\", \"reason\": \"Their rep joined after our outreach\", \"ownerId\": %d}"
					.formatted(world.ae().userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.creditType").value("INFLUENCED"));
		// approved: another approval is a conflict with its state, not asked why the
		// credit
		// differs from "the proposed" one (the registration now carries the credit given)
		pam.post(url, "{\"creditType\": \"CO_SELL\"}").andExpect(status().isConflict());
		var told = this.registrations.get(world.partnerUser(), registered.id()).statusReason();
		assertThat(told).contains("influenced credit instead of sourced: Their rep joined after our outreach");
		var history = this.registrations.history(world.pam(), registered.id());
		assertThat(history.get(history.size() - 1).reason())
			.contains("INFLUENCED credit instead of SOURCED: Their rep joined after our outreach");
	}

	@Test
	void theProposedCreditNamedAgainNeedsNoReason() throws Exception {
		var world = this.fixtures.world("Credit Kept Partners");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Quillfeather Health", "quillfeather-health.org"));
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/registrations/" + registered.id() + "/approve",
					"{\"creditType\": \"SOURCED\", \"ownerId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.creditType").value("SOURCED"));
	}

	@Test
	void thePageFormNamesTheMissingReasonAndKeepsTheChoice() throws Exception {
		var world = this.fixtures.world("Credit Form Partners");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Orchid Freight", "orchid-freight.com"));
		var session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", this.fixtures.email(world.pam()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		var refused = this.mvc
			.perform(post("/registrations/" + registered.id() + "/approve").session(session)
				.with(csrf())
				.param("creditType", "CO_SELL")
				.param("reason", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getFlashMap().get("fieldErrors").toString()).contains("reason");
		assertThat(((ApproveCommand) refused.getFlashMap().get("approveForm")).creditType())
			.isEqualTo(CreditType.CO_SELL);
		assertThat(this.registrations.get(world.pam(), registered.id()).status()).isEqualTo(RegistrationStatus.PENDING);
	}

}
