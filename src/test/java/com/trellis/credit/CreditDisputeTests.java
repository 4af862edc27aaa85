package com.trellis.credit;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class CreditDisputeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void creditChangesOnlyThroughADisputeDecidedByThePartnersPam() throws Exception {
		var world = this.fixtures.world("Disputing Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		var rep = new Api(this.mvc, this.fixtures.token(world.ae()));
		var deal = "/api/v1/opportunities/" + world.dealId();

		rep.put(deal, """
				{"accountId": %d, "name": "Fixture deal", "amount": 125000, "currency": "USD", "stage": "QUALIFIED",
				 "source": "DIRECT", "partnerId": %d, "creditType": "INFLUENCED", "partnerShare": 5}
				""".formatted(world.accountId(), world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditType"));

		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.EXECUTIVE)))
			.post(deal + "/credit-disputes",
					"{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 30, \"reason\": \"exec\"}")
			.andExpect(status().isForbidden());
		partner.post(deal + "/credit-disputes", "{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 30}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		// a share finer than hundredths is told how it is written (was Hibernate
		// Validator's
		// "numeric value out of bounds (<3 digits>.<2 digits> expected)")
		partner
			.post(deal + "/credit-disputes",
					"{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 0.001, \"reason\": \"fine\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proposedShare"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("must have at most 3 digits before the decimal point and 2 after it"));
		var raised = partner.post(deal + "/credit-disputes",
				"{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 30, \"reason\": \"We brought the champion\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long disputeId = Long.parseLong(raised.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
		rep.post(deal + "/credit-disputes",
				"{\"proposedCreditType\": \"CO_SELL\", \"proposedShare\": 10, \"reason\": \"Joint work only\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("opportunityId"));

		var decision = "/api/v1/credit-disputes/" + disputeId + "/decision";
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM)))
			.post(decision, "{\"uphold\": true, \"reason\": \"Not my partner\"}")
			.andExpect(status().isForbidden());
		partner.post(decision, "{\"uphold\": true, \"reason\": \"Please\"}").andExpect(status().isForbidden());
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		pam.post(decision, "{\"uphold\": true}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		pam.post(decision, "{\"uphold\": true, \"reason\": \"Champion came through the partner\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UPHELD"));
		pam.post(decision, "{\"uphold\": false, \"reason\": \"again\"}").andExpect(status().isConflict());

		assertThat(this.jdbc
			.sql("SELECT credit_type || ' ' || partner_share || ' ' || owner_id FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("SOURCED 30.00 " + world.ae().userId());
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE entity_type = 'credit-dispute' AND entity_id = ? ORDER BY id")
			.param(String.valueOf(disputeId))
			.query(String.class)
			.list()).containsExactly("raised", "upheld");
	}

	@Test
	void anotherPartnerCannotSeeOrRaiseDisputesOnADealItIsNotOn() throws Exception {
		var world = this.fixtures.world("Guarded Partners");
		var outsider = new Api(this.mvc, this.fixtures.token(this.fixtures.world("Prying Partners").partnerUser()));
		var deal = "/api/v1/opportunities/" + world.dealId() + "/credit-disputes";
		outsider.get(deal).andExpect(status().isNotFound());
		outsider.post(deal, "{\"proposedCreditType\": \"SOURCED\", \"proposedShare\": 50, \"reason\": \"mine\"}")
			.andExpect(status().isNotFound());
	}

}
