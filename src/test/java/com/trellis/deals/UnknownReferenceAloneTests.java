package com.trellis.deals;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reference to something that does not exist (a partner, an account) is the only error
 * of its request unless another field is wrong by itself: no knock-on error on a field
 * the request did not change (edge27: a deal's partner changed to an unknown partner was
 * also told its creditType was fixed; an account plan's unknown partner made its contact
 * "not a user of the plan's partner").
 */
@TrellisTest
class UnknownReferenceAloneTests {

	private static final String DEAL = """
			{"accountId": %d, "name": "Fixture deal", "amount": 125000.00, "currency": "USD", "stage": "QUALIFIED",
			 "closeDate": "%s", "ownerId": %d, "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED",
			 "partnerShare": 20}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aDealsPartnerChangedToAnUnknownPartnerIsToldThatAlone() throws Exception {
		var world = this.fixtures.world("Unknown Reference Deal Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var closeDate = java.time.LocalDate.now().plusDays(30);
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), closeDate, world.ae().userId(), 999_999_999L))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("partnerId")))
			.andExpect(jsonPath("$.errors[0].message").value("no partner with id 999999999"));

		// another existing partner: the partner is fixed, told on the partner, not on the
		// credit type that did not change
		long other = this.fixtures.partner("Unknown Reference Other Partner", world.pam().userId());
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(world.accountId(), closeDate, world.ae().userId(), other))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("partnerId")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("credit dispute")));

		// an unknown account and owner: each named alone, and a field wrong by itself
		// (a sourced credit on a direct deal) still named
		ae.put("/api/v1/opportunities/" + world.dealId(),
				DEAL.formatted(999_999_999L, closeDate, 999_999_999L, 999_999_998L)
					.replace("\"PARTNER\"", "\"DIRECT\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("accountId", "ownerId", "partnerId", "source")));
	}

	@Test
	void aPartnerAttachedToADirectDealNamesAnUnknownPartnerAndABadCreditTogether() throws Exception {
		var world = this.fixtures.world("Unknown Reference Attach Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var created = ae.post("/api/v1/opportunities", """
				{"accountId": %d, "name": "Direct deal", "amount": 1000, "currency": "USD", "stage": "QUALIFIED",
				 "source": "DIRECT"}
				""".formatted(world.accountId()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long deal = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		var attach = "/api/v1/opportunities/" + deal + "/partner-attachment";
		ae.post(attach, "{\"partnerId\": 999999999, \"creditType\": \"CO_SELL\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("partnerId")));
		ae.post(attach, "{\"partnerId\": 999999999, \"creditType\": \"SOURCED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("partnerId", "creditType")));
	}

	@Test
	void anAccountPlansUnknownPartnerIsToldThatAloneNotItsContact() throws Exception {
		var world = this.fixtures.world("Unknown Reference Plan Partners");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var today = java.time.LocalDate.now();
		admin
			.post("/api/v1/account-plans", """
					{"partnerId": 999999999, "accountId": %d, "title": "Unknown partner plan", "pipelineGoal": 1000,
					 "revenueGoal": 500, "currency": "USD", "startsOn": "%s", "endsOn": "%s", "vendorOwnerId": %d,
					 "partnerContactId": %d}
					""".formatted(world.accountId(), today, today.plusDays(90), world.pam().userId(),
					world.partnerUser().userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("partnerId")));
		// a contact who is no partner user at all is wrong by itself
		admin.post("/api/v1/account-plans", """
				{"partnerId": 999999999, "accountId": %d, "title": "Unknown partner plan", "pipelineGoal": 1000,
				 "revenueGoal": 500, "currency": "USD", "startsOn": "%s", "endsOn": "%s", "vendorOwnerId": %d,
				 "partnerContactId": %d}
				""".formatted(world.accountId(), today, today.plusDays(90), world.pam().userId(), world.ae().userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("partnerId", "partnerContactId")));
	}

}
