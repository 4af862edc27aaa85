package com.trellis.web;

import java.math.BigDecimal;
import java.util.Map;

import com.trellis.credit.CreditDisputes;
import com.trellis.credit.RaiseDispute;
import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Page forms of disputes, approvals, lead routing and quotas name every bad field in one
 * round on the page they sit on (issue 13): an unreadable value is never a 400 error
 * page, the service's own checks come with the field annotations, and nothing changes.
 */
@TrellisTest
class OneRoundPageFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Autowired
	CreditDisputes disputes;

	@Test
	void aDisputeWithAShareOutOfRangeAndNoReasonOnADealWithAnOpenDisputeNamesAllThreeOnTheDealPage() throws Exception {
		var world = this.fixtures.world("Round Disputers Page");
		this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "The partner only helped"));
		long before = this.fixtures.count("credit_dispute");
		var partner = login(world.partnerUser());

		var refused = this.mvc
			.perform(post("/opportunities/" + world.dealId() + "/credit-disputes").session(partner)
				.with(csrf())
				.param("proposedCreditType", "CO_SELL")
				.param("proposedShare", "150")
				.param("reason", ""))
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("proposedShare", "reason", "opportunityId");
		assertThat(page(partner, "/opportunities/" + world.dealId(), refused))
			.contains("this deal already has an open credit dispute");
		assertThat(this.fixtures.count("credit_dispute")).isEqualTo(before);
	}

	@Test
	void aDecisionThatIsNeitherUpholdNorDismissWithoutAReasonNamesBothOnTheDealPage() throws Exception {
		var world = this.fixtures.world("Round Deciders Page");
		var dispute = this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "The partner only helped"));

		var refused = this.mvc
			.perform(post("/credit-disputes/" + dispute.id() + "/decision").session(login(world.pam()))
				.with(csrf())
				.param("uphold", "perhaps")
				.param("reason", " "))
			.andExpect(redirectedUrl("/opportunities/" + world.dealId()))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("uphold", "reason");
		assertThat(this.jdbc.sql("SELECT status FROM credit_dispute WHERE id = ?")
			.param(dispute.id())
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void aColleagueInvitedWithoutANameToAnEmailAlreadySigningInNamesBothOnThePortal() throws Exception {
		var world = this.fixtures.world("Round Colleagues Page");
		long before = this.fixtures.count("partner_invitation");

		var page = this.mvc
			.perform(post("/portal/colleagues").session(login(world.partnerUser()))
				.with(csrf())
				.param("name", "")
				.param("email", this.fixtures.email(world.partnerUser())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.split("<small class=\"error\"", -1).length - 1).isGreaterThanOrEqualTo(2);
		assertThat(this.fixtures.count("partner_invitation")).isEqualTo(before);
	}

	@Test
	void anApprovalWithAnUnreadableOwnerAndAnUnknownCreditIsNamedOnTheRegistrationPage() throws Exception {
		var world = this.fixtures.world("Round Approvers Page");
		long id = OpenRegistrations.submitted(this.registrations, world, "Round Page Works", "round-page");
		var pam = login(world.pam());

		var refused = this.mvc
			.perform(post("/registrations/" + id + "/approve").session(pam)
				.with(csrf())
				.param("ownerId", "bob")
				.param("creditType", "LOTS"))
			.andExpect(redirectedUrl("/registrations/" + id))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("ownerId", "creditType");
		assertThat(page(pam, "/registrations/" + id, refused).split("<small class=\"error\"", -1).length - 1)
			.isGreaterThanOrEqualTo(2);
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	@Test
	void anApprovalNamingAPartnerManagerAsOwnerIsNamedOnThePageAndApprovesNothing() throws Exception {
		var world = this.fixtures.world("Round Approvers Role");
		long id = OpenRegistrations.submitted(this.registrations, world, "Round Page Works", "round-page");

		var refused = this.mvc
			.perform(post("/registrations/" + id + "/approve").session(login(world.pam()))
				.with(csrf())
				.param("ownerId", String.valueOf(world.pam().userId()))
				.param("creditType", "LOTS"))
			.andExpect(redirectedUrl("/registrations/" + id))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("ownerId", "creditType");
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	@Test
	void routingALeadToAnUnreadableRepIsNamedOnTheLeadPage() throws Exception {
		var world = this.fixtures.world("Round Routers Page");
		var partner = login(world.partnerUser());
		this.mvc.perform(post("/leads").param("companyName", "Round Page Freight")
			.param("companyDomain", "round-page-freight.example.com")
			.param("contactName", "Ola Round")
			.session(partner)
			.with(csrf()));
		long lead = this.jdbc.sql("SELECT id FROM partner_lead WHERE company_name = 'Round Page Freight'")
			.query(Long.class)
			.single();
		var pam = login(world.pam());

		var refused = this.mvc
			.perform(post("/leads/" + lead + "/route").param("repId", "somebody").session(pam).with(csrf()))
			.andExpect(redirectedUrl("/leads/" + lead))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("repId");
		assertThat(page(pam, "/leads/" + lead, refused)).contains("id=\"rep-error\"");
		assertThat(
				this.jdbc.sql("SELECT status FROM partner_lead WHERE id = ?").param(lead).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void aQuotaAmountTypedAsWordsIsNamedOnTheForecastPageWithTheBadQuarterAndKeepsWhatWasTyped() throws Exception {
		var admin = login(this.fixtures.user(Role.ADMIN));
		var ae = this.fixtures.user(Role.AE);
		long before = this.fixtures.count("forecast_quota");

		var refused = this.mvc
			.perform(post("/forecast/quotas").session(admin)
				.with(csrf())
				.param("target", "REP:" + ae.userId())
				.param("quarter", "sometime")
				.param("amount", "a lot"))
			.andExpect(redirectedUrl("/forecast"))
			.andReturn();

		assertThat(fieldErrors(refused)).containsKeys("amount", "quarter");
		assertThat(refused.getFlashMap().get("typed")).isEqualTo(Map.of("amount", "a lot"));
		assertThat(page(admin, "/forecast", refused)).contains("value=\"a lot\"", "id=\"quota-amount-error\"");
		assertThat(this.fixtures.count("forecast_quota")).isEqualTo(before);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> fieldErrors(MvcResult result) {
		var errors = (Map<String, String>) result.getFlashMap().get("fieldErrors");
		return errors == null ? Map.of() : errors;
	}

	private String page(MockHttpSession session, String path, MvcResult refused) throws Exception {
		var response = this.mvc.perform(get(path).session(session).flashAttrs(refused.getFlashMap()))
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
