package com.trellis.identity;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.leads.LeadCommand;
import com.trellis.leads.LeadStatus;
import com.trellis.leads.Leads;
import com.trellis.registration.ApproveCommand;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Routing and every "who takes this" choice skip a deactivated user: a lead for their
 * account waits for the PAM, a PAM cannot route to them, an approval does not make them a
 * deal's owner, and they cannot be named owner of an account or a partner.
 */
@TrellisTest
class DeactivatedUsersAreNeverPickedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAdministration administration;

	@Autowired
	Leads leads;

	@Autowired
	Users users;

	@Autowired
	Registrations registrations;

	@Test
	void aLeadForADeactivatedOwnersAccountWaitsForThePamWhoCannotRouteItToThem() {
		var world = this.fixtures.world("Picked Lead World");
		this.administration.deactivate(this.fixtures.user(Role.ADMIN), world.ae().userId());

		var lead = this.leads.submit(world.partnerUser(),
				new LeadCommand(null, "Picked Lead World customer", null, "Jo Buyer", null, null));

		assertThat(lead.status()).isEqualTo(LeadStatus.SUBMITTED);
		assertThat(lead.repId()).isNull();
		var pamView = this.leads.get(world.pam(), lead.id());
		assertThat(pamView.routingReason()).contains("its owner is deactivated");
		assertThatThrownBy(() -> this.leads.route(world.pam(), lead.id(), world.ae().userId()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("repId: must be the id of an active");
	}

	@Test
	void anApprovalDoesNotGiveTheDealToTheAccountsDeactivatedOwner() {
		var world = this.fixtures.world("Picked Approval World");
		var leaver = this.fixtures.user(Role.AE);
		long account = this.fixtures.account("Lapsed Owner Corp", "lapsed-owner.com", leaver.userId());
		this.administration.deactivate(this.fixtures.user(Role.ADMIN), leaver.userId());
		// the partner's PAM registers for the partner, naming the account
		var registered = this.registrations.register(world.pam(),
				new RegistrationCommand(account, "Lapsed Owner Corp", "www.lapsed-owner.com",
						"A confirmed need for the approval", new BigDecimal("1000"), "USD", LocalDate.of(2027, 6, 30),
						world.partnerId(), CreditType.SOURCED));
		assertThat(registered.accountId()).as("the registration names the leaver's account").isEqualTo(account);

		assertThatThrownBy(() -> this.registrations.approve(world.pam(), registered.id(), ApproveCommand.DEFAULTS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("ownerId: name the active account executive");
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(world.ae().userId(), null));
		assertThat(approved.opportunityId()).isNotNull();
	}

	@Test
	void aDeactivatedPartnerUserIsNoLongerAContactForThePartnersNotices() {
		var world = this.fixtures.world("Picked Contact World");
		var colleague = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		this.administration.deactivate(this.fixtures.user(Role.ADMIN), world.partnerUser().userId());
		assertThat(this.users.contactsOfPartner(world.partnerId())).extracting(UserSummary::id)
			.containsExactly(colleague.userId());
	}

	@Test
	void aDeactivatedUserCannotBeNamedOwnerOfAnAccountOrAPartner() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var ae = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		this.administration.deactivate(admin, ae.userId());
		this.administration.deactivate(admin, pam.userId());
		var api = new Api(this.mvc, this.fixtures.token(admin));
		api.post("/api/v1/accounts", "{\"name\": \"Picked account\", \"ownerAeId\": %d}".formatted(ae.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerAeId"));
		api.post("/api/v1/partners", """
				{"name": "Picked Partner", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "TIER_3_BASELINE"}
				""".formatted(pam.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerPamId"));
	}

}
