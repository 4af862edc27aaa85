package com.trellis.registration;

import com.trellis.identity.Viewer;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Copy aimed at the right reader (issue 13 item 13), and the AE's partner picker as a
 * search box (item 12) that works as a plain input without JavaScript.
 */
@TrellisTest
class RegistrationCopyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anAeRegisteringADealIsNotToldOfTheirPartnerManagerButThePartnerIs() throws Exception {
		var world = this.fixtures.world("Copy Intro");
		var ae = page(login(world.ae()), "/registrations/new");
		assertThat(ae).doesNotContain("your partner manager").contains("account manager approves");
		var pam = page(login(world.pam()), "/registrations/new");
		assertThat(pam).doesNotContain("your partner manager").contains("before you approve it");
		assertThat(page(login(world.partnerUser()), "/registrations/new"))
			.contains("before your partner manager approves");
	}

	/**
	 * Executives do not register deals: they are neither offered the form nor shown it
	 * (before, the form opened and its post was refused).
	 */
	@Test
	void anExecutiveIsNotOfferedTheRegistrationForm() throws Exception {
		var executive = login(this.fixtures.user(com.trellis.identity.Role.EXECUTIVE));
		assertThat(page(executive, "/registrations")).doesNotContain("href=\"/registrations/new\"");
		this.mvc.perform(get("/registrations/new").session(executive)).andExpect(status().isForbidden());
		var ae = login(this.fixtures.world("Copy Executive").ae());
		assertThat(page(ae, "/registrations")).contains("href=\"/registrations/new\"");
	}

	@Test
	void thePamReadsTheApprovalAsWhatThePartnerWasToldNotAsTheirOwnDeal() throws Exception {
		var world = this.fixtures.world("Copy Approval");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Wrenfield Copyworks Inc", "wrenfield-copyworks.com"));
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/registrations/" + registered.id() + "/approve",
					"{\"ownerId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk());

		var pam = page(login(world.pam()), "/registrations/" + registered.id());
		assertThat(pam).contains("The partner was told: “Approved. Your deal is open");
		assertThat(pam).doesNotContain("<p id=\"status-reason\">Approved. Your deal is open");
		var partner = page(login(world.partnerUser()), "/registrations/" + registered.id());
		assertThat(partner).contains("<p id=\"status-reason\">Approved. Your deal is open")
			.doesNotContain("The partner was told");
	}

	@Test
	void anEmptyFilterSaysNothingMatchesWhenThereAreRegistrations() throws Exception {
		var world = this.fixtures.world("Copy Filter");
		this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Copy Filter Customer", "copy-filter.com"));
		var partner = login(world.partnerUser());
		var filtered = page(partner, "/registrations?status=WITHDRAWN");
		assertThat(filtered).contains("No registrations match this filter.").doesNotContain("No registrations yet");
		var leads = page(login(world.partnerUser()), "/leads?status=DECLINED");
		assertThat(leads).contains("No leads match this filter.");
	}

	@Test
	void aHistoryReasonThatOnlyRepeatsTheStatusIsNotSaidTwice() throws Exception {
		var world = this.fixtures.world("Copy Twice");
		var registered = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Copy Twice Customer", "copy-twice.com"));
		this.jdbc.sql("""
				INSERT INTO registration_history (registration_id, from_status, to_status, actor_id, at, reason)
				VALUES (?, 'PENDING', 'ON_HOLD', NULL, now(), 'On hold')
				""").params(registered.id()).update();
		var page = page(login(world.pam()), "/registrations/" + registered.id());
		assertThat(page).doesNotContainPattern("<td>On hold</td>\\s*(<!--[^>]*-->\\s*)?<td>On hold</td>")
			.contains("<td>On hold</td>");
	}

	@Test
	void anAeTypesThePartnersNameInsteadOfScrollingTwoHundredPartners() throws Exception {
		var world = this.fixtures.world("Picker Partner Vantablack");
		var session = login(world.ae());
		var form = page(session, "/registrations/new");
		assertThat(form).contains("name=\"partnerName\"").doesNotContain("name=\"partnerId\"");
		var suggestions = page(session, "/search/partners?partnerName=Vantablack");
		assertThat(suggestions).contains("value=\"Picker Partner Vantablack\"");

		var created = this.mvc
			.perform(post("/registrations").session(session)
				.with(csrf())
				.param("customerName", "Picked Customer Ltd")
				.param("customerDomain", "picked-customer.com")
				.param("customerNeed", "Replace the legacy order system before Q3")
				.param("amount", "48000")
				.param("currency", "USD")
				.param("expectedCloseDate", "2027-04-30")
				.param("creditType", "SOURCED")
				.param("partnerName", "picker partner vantablack"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
		assertThat(this.registrations.get(world.ae(), id).partnerId()).isEqualTo(world.partnerId());

		var refused = this.mvc
			.perform(post("/registrations").session(session)
				.with(csrf())
				.param("customerName", "Unpicked Customer Ltd")
				.param("customerNeed", "Replace the legacy order system before Q3")
				.param("amount", "48000")
				.param("currency", "USD")
				.param("expectedCloseDate", "2027-04-30")
				.param("creditType", "SOURCED")
				.param("partnerName", "No Such Partner Anywhere"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isIn(200, 400, 422);
		assertThat(refused.getContentAsString()).contains("no active partner is named “No Such Partner Anywhere”")
			.contains("value=\"No Such Partner Anywhere\"");
	}

	/**
	 * try01: a form with a date that cannot be read named only the date, where the API
	 * names every wrong field at once (here a yen amount with decimals too).
	 */
	@Test
	void anUnreadableDateIsNamedWithTheOtherWrongFields() throws Exception {
		var world = this.fixtures.world("One Round Registration Partners");
		var refused = this.mvc
			.perform(post("/registrations").session(login(world.partnerUser()))
				.with(csrf())
				.param("customerName", "Yen Decimals Ltd")
				.param("customerNeed", "Replace the legacy order system before Q3")
				.param("amount", "10.5")
				.param("currency", "JPY")
				.param("expectedCloseDate", "next week")
				.param("creditType", "SOURCED"))
			.andReturn();
		@SuppressWarnings("unchecked")
		var errors = (java.util.Map<String, String>) refused.getModelAndView().getModel().get("errors");
		assertThat(errors).containsKeys("expectedCloseDate", "amount");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		var response = this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
