package com.trellis.web;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.identity.Role;
import com.trellis.registration.Registrations;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API names every bad field of a request in one round (issue 13): a field that cannot
 * be read no longer hides the others, the body's annotations no longer hide the service's
 * own checks, and nothing changes.
 */
@TrellisTest
class OneRoundApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registrations registrations;

	@Test
	void aDisputeWithAShareOutOfRangeNoReasonOnADealWithAnOpenDisputeNamesAllThree() throws Exception {
		var world = this.fixtures.world("Round Disputers Api");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var disputes = "/api/v1/opportunities/" + world.dealId() + "/credit-disputes";
		partner.post(disputes, """
				{"proposedCreditType": "INFLUENCED", "proposedShare": 10, "reason": "The partner only helped"}
				""").andExpect(status().isCreated());
		long before = this.fixtures.count("credit_dispute");

		var refused = partner.post(disputes, """
				{"proposedCreditType": "INFLUENCED", "proposedShare": 150, "reason": ""}
				""").andExpect(status().isBadRequest());

		assertThat(fields(refused)).contains("proposedShare", "reason", "opportunityId");
		assertThat(this.fixtures.count("credit_dispute")).isEqualTo(before);
	}

	@Test
	void aDisputeWithAnUnreadableShareAndNoReasonNamesBoth() throws Exception {
		var world = this.fixtures.world("Round Disputers Unreadable");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));

		var refused = partner.post("/api/v1/opportunities/" + world.dealId() + "/credit-disputes", """
				{"proposedCreditType": "INFLUENCED", "proposedShare": "abc"}
				""").andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("proposedShare", "reason");
		assertThat(messages(refused)).contains("must be a number such as 1234.56, not in quotes");
		assertThat(this.fixtures.count("credit_dispute where opportunity_id = " + world.dealId())).isZero();
	}

	@Test
	void aRegistrationWithAnUnreadableAmountNoCustomerAndAPastCloseDateNamesAllThree() throws Exception {
		var world = this.fixtures.world("Round Registrants Api");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		long before = this.fixtures.count("deal_registration");

		var refused = partner.post("/api/v1/registrations", """
				{"customerName": "", "customerDomain": "round-api.example.com",
				 "customerNeed": "Replace the planning of the whole fleet this year", "amount": "abc",
				 "currency": "USD", "expectedCloseDate": "2020-01-01", "creditType": "SOURCED"}
				""").andExpect(status().isBadRequest());

		assertThat(fields(refused)).contains("amount", "customerName", "expectedCloseDate");
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	@Test
	void anInvitationWithoutANameToAnEmailAlreadySigningInNamesBoth() throws Exception {
		var world = this.fixtures.world("Round Inviters Api");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		long before = this.fixtures.count("partner_invitation");

		var refused = pam.post("/api/v1/partners/" + world.partnerId() + "/invitations", """
				{"name": "", "email": "%s"}
				""".formatted(this.fixtures.email(world.partnerUser()))).andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("name", "email");
		assertThat(this.fixtures.count("partner_invitation")).isEqualTo(before);
	}

	@Test
	void anApprovalWithAnUnreadableOwnerAndCreditNamesBothAndApprovesNothing() throws Exception {
		var world = this.fixtures.world("Round Approvers Api");
		long id = OpenRegistrations.submitted(this.registrations, world, "Round Approval Works", "round-approval");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		var refused = pam.post("/api/v1/registrations/" + id + "/approve", """
				{"ownerId": "bob", "creditType": "LOTS"}
				""").andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("ownerId", "creditType");
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("PENDING");
	}

	@Test
	void anApprovalNamingAPamAsOwnerOfADecidedRegistrationNamesOwnerAndStatus() throws Exception {
		var world = this.fixtures.world("Round Approvers Owner");
		long id = OpenRegistrations.submitted(this.registrations, world, "Round Approval Works", "round-approval");
		this.registrations.reject(world.pam(), id, "Not a fit");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		var refused = pam.post("/api/v1/registrations/" + id + "/approve", """
				{"ownerId": %d, "creditType": "LOTS"}
				""".formatted(world.pam().userId())).andExpect(status().isBadRequest());

		assertThat(fields(refused)).contains("creditType", "status", "ownerId");
		assertThat(OpenRegistrations.status(this.jdbc, id)).isEqualTo("REJECTED");
	}

	@Test
	void routingALeadToAnUnreadableRepOfADeclinedLeadNamesTheRepAndTheLeadsState() throws Exception {
		var world = this.fixtures.world("Round Routers Api");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var lead = JsonPath.read(partner.post("/api/v1/leads", """
				{"companyName": "Round Router Freight", "companyDomain": "round-router-freight.example.com",
				 "contactName": "Ida Round"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		pam.post("/api/v1/leads/" + lead + "/route", "{\"repId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk());
		new Api(this.mvc, this.fixtures.token(world.ae()))
			.post("/api/v1/leads/" + lead + "/decline", "{\"reason\": \"Not our market\"}")
			.andExpect(status().isOk());

		var refused = pam.post("/api/v1/leads/" + lead + "/route", "{\"repId\": \"somebody\"}")
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("repId", "status");
	}

	/**
	 * Accepting a lead with a deal whose currency and amount break their annotations and
	 * whose close date is past: all three are named at once, and nothing is opened
	 * (try26: the past close date was named only in a second round).
	 */
	@Test
	void acceptingALeadWithABadCurrencyANegativeAmountAndAPastCloseDateNamesAllThree() throws Exception {
		var world = this.fixtures.world("Round Acceptors Api");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var lead = JsonPath.read(partner.post("/api/v1/leads", """
				{"companyName": "Round Acceptor Freight", "companyDomain": "roundacceptorfreightapi.com",
				 "contactName": "Ola Round"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/leads/" + lead + "/route", "{\"repId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk());
		long before = this.fixtures.count("opportunity");

		var refused = new Api(this.mvc, this.fixtures.token(world.ae())).post("/api/v1/leads/" + lead + "/accept", """
				{"openDeal": true, "amount": -5, "currency": "XXX", "closeDate": "2020-01-01"}
				""").andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("amount", "currency", "closeDate");
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	@Test
	void aQuotaWithAnUnreadableAmountAndAQuarterOfNoYearNamesBoth() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var ae = this.fixtures.user(Role.AE);
		long before = this.fixtures.count("forecast_quota");

		var refused = admin.put("/api/v1/forecast/quotas", """
				{"scope": "REP", "scopeId": %d, "quarter": "sometime", "amount": "a lot"}
				""".formatted(ae.userId())).andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactlyInAnyOrder("amount", "quarter");
		assertThat(this.fixtures.count("forecast_quota")).isEqualTo(before);
	}

	@Test
	void aBodyThatIsNotValidatedStillRefusesItsUnreadableFieldsAllAtOnce() throws Exception {
		var world = this.fixtures.world("Round Deciders Api");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var raised = partner.post("/api/v1/opportunities/" + world.dealId() + "/credit-disputes", """
				{"proposedCreditType": "INFLUENCED", "proposedShare": 10, "reason": "The partner only helped"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));

		var refused = pam
			.post("/api/v1/credit-disputes/" + JsonPath.read(raised, "$.id") + "/decision",
					"{\"uphold\": \"perhaps\", \"reason\": \"Fair\"}")
			.andExpect(status().isBadRequest());

		assertThat(fields(refused)).containsExactly("uphold");
		assertThat(this.jdbc.sql("SELECT status FROM credit_dispute WHERE opportunity_id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void aWholeNumberSentWithDecimalsIsToldSoAndOneSentInQuotesIsToldAboutTheQuotes() throws Exception {
		var ae = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.AE)));
		long before = this.fixtures.count("opportunity");

		var decimal = ae.post("/api/v1/opportunities", """
				{"accountId": 1.5, "name": "Half account", "amount": 100, "currency": "USD", "stage": "QUALIFIED",
				 "source": "DIRECT"}
				""").andExpect(status().isBadRequest());
		var quoted = ae.post("/api/v1/opportunities", """
				{"accountId": "7", "name": "Quoted account", "amount": 100, "currency": "USD", "stage": "QUALIFIED",
				 "source": "DIRECT"}
				""").andExpect(status().isBadRequest());

		assertThat(messages(decimal)).contains("must be a number: a whole number such as 5, without decimals");
		assertThat(messages(quoted)).contains("must be a number: a whole number such as 5, not in quotes");
		assertThat(this.fixtures.count("opportunity")).isEqualTo(before);
	}

	private static List<String> fields(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].field");
	}

	private static List<String> messages(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.errors[*].message");
	}

}
