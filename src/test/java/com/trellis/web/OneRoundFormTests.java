package com.trellis.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Page forms name every bad field in one round (issue 13): a value that cannot be read
 * (text in a number field) no longer hides the checks of the other fields until the form
 * is sent again, what was typed is kept, and nothing changes.
 */
@TrellisTest
class OneRoundFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Test
	void aResubmissionWithAnUnreadableAmountAndNoNeedNamesBothKeepsTheTypedAmountAndStaysSentBack() throws Exception {
		var world = this.fixtures.world("One Round Resubmitters");
		var registered = this.registrations.register(world.partnerUser(),
				new RegistrationCommand(null, "Quillon Harbour Works", "quillon-harbour.com",
						"Replace the harbour's berth planning before the season", new BigDecimal("48000"), "USD",
						LocalDate.of(2027, 3, 31), null, CreditType.SOURCED));
		this.registrations.sendBack(world.pam(), registered.id(), "Which budget funds this?");
		var partner = login(world.partnerUser());
		var sent = this.mvc
			.perform(post("/registrations/" + registered.id() + "/resubmit")
				.param("customerName", "Quillon Harbour Works")
				.param("customerDomain", "quillon-harbour.com")
				.param("currency", "USD")
				.param("creditType", "SOURCED")
				.param("customerNeed", "")
				.param("amount", "forty-eight k")
				.param("expectedCloseDate", "2027-03-31")
				.session(partner)
				.with(csrf()))
			.andReturn();
		assertThat(fieldErrors(sent)).containsKeys("amount", "customerNeed");
		var page = this.mvc
			.perform(get("/registrations/" + registered.id()).session(partner).flashAttrs(sent.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"forty-eight k\"");
		assertThat(page.split("<small class=\"error\"", -1).length - 1).isGreaterThanOrEqualTo(2);
		assertThat(status(registered.id())).isEqualTo("NEEDS_INFO");
	}

	@Test
	void aNewUserWithAnUnreadableManagerNoNameAndThePartnerRoleNamesAllThree() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long before = this.fixtures.count("app_user");
		var page = send(post("/admin/users").param("email", "one-round-new@example.com")
			.param("displayName", "")
			.param("role", "PARTNER")
			.param("managerId", "the boss")
			.param("initialPassword", "ONE_TIME_PASSWORD"), admin);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("partner users are invited through their partner");
		assertThat(page.errorsShown()).isEqualTo(3);
		assertThat(this.fixtures.count("app_user")).isEqualTo(before);
	}

	@Test
	void anEditGivingATakenEmailAndAnUnknownManagerNamesBoth() throws Exception {
		var edited = this.fixtures.user(Role.AE);
		var other = this.fixtures.user(Role.AE);
		var page = send(post("/admin/users/" + edited.userId()).param("email", this.fixtures.email(other))
			.param("displayName", "Edited In One Round")
			.param("role", "AE")
			.param("managerId", "987654321"), this.fixtures.user(Role.ADMIN));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("no user has the id 987654321",
				"another user already signs in with this e-mail");
		assertThat(this.jdbc.sql("SELECT display_name FROM app_user WHERE id = ?")
			.param(edited.userId())
			.query(String.class)
			.single()).isNotEqualTo("Edited In One Round");
	}

	@Test
	void aHandOverWithAnUnreadableReceiverAndTheLeaverAsDealReceiverNamesBothAndMovesNothing() throws Exception {
		var world = this.fixtures.world("One Round Hand Over");
		long leaver = world.ae().userId();
		var page = send(post("/admin/users/" + leaver + "/reassign").param("toUserId", "somebody")
			.param("dealsToUserId", String.valueOf(leaver)), this.fixtures.user(Role.ADMIN));
		assertThat(page.status()).isEqualTo(400);
		// the unreadable receiver is told what the field takes
		assertThat(page.body()).contains("must be a number: a whole number",
				"must be someone other than the user whose work is handed over");
		assertThat(this.jdbc.sql("SELECT owner_id FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(Long.class)
			.single()).isEqualTo(leaver);
	}

	@Test
	void anAcceptedLeadWithAnUnreadableAmountAndAPastCloseDateNamesBoth() throws Exception {
		var world = this.fixtures.world("One Round Leads");
		var partner = login(world.partnerUser());
		this.mvc.perform(post("/leads").param("companyName", "Orrin Tide Logistics")
			.param("companyDomain", "orrin-tide.com")
			.param("contactName", "Ada Orrin")
			.session(partner)
			.with(csrf()));
		long lead = this.jdbc.sql("SELECT id FROM partner_lead WHERE company_name = 'Orrin Tide Logistics'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/leads/" + lead + "/route").param("repId", String.valueOf(world.ae().userId()))
			.session(login(world.pam()))
			.with(csrf()));
		var sent = this.mvc
			.perform(post("/leads/" + lead + "/accept").param("openDeal", "true")
				.param("amount", "lots")
				.param("currency", "USD")
				.param("closeDate", "2020-01-01")
				.session(login(world.ae()))
				.with(csrf()))
			.andReturn();
		assertThat(fieldErrors(sent)).containsKeys("amount", "closeDate");
		assertThat(sent.getFlashMap().get("typed")).isEqualTo(Map.of("amount", "lots"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> fieldErrors(MvcResult result) {
		var errors = (Map<String, String>) result.getFlashMap().get("fieldErrors");
		return errors == null ? Map.of() : errors;
	}

	private String status(long registrationId) {
		return this.jdbc.sql("SELECT status FROM deal_registration WHERE id = ?")
			.param(registrationId)
			.query(String.class)
			.single();
	}

	private Answer send(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
		var response = this.mvc.perform(request.session(login(viewer)).with(csrf())).andReturn().getResponse();
		return new Answer(response.getStatus(), response.getContentAsString());
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var result = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	record Answer(int status, String body) {

		long errorsShown() {
			return this.body.split("<small class=\"error\"", -1).length - 1;
		}

	}

}
