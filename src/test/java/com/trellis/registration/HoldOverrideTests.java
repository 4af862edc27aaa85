package com.trellis.registration;

import com.trellis.deals.CreditType;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class HoldOverrideTests {

	@Autowired
	Registrations registrations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void thePartnerReadsWhatHoldsItsRegistrationAndThePamLiftsAWrongHoldWithAReasonThenApproves() throws Exception {
		var first = this.fixtures.world("Parent Domain First");
		var second = this.fixtures.world("Parent Domain Second");
		this.registrations.register(first.partnerUser(),
				RegistrationTests.command("Holdco Retail", "retail.holdco-group.com"));
		var held = this.registrations.register(second.partnerUser(),
				RegistrationTests.command("Holdco Logistics", "logistics.holdco-group.com"));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(held.statusReason()).contains("Another partner's registration covers this customer")
			.contains("holdco-group.com")
			.contains("lifts the hold")
			.doesNotContain("Parent Domain First");

		new Api(this.mvc, this.fixtures.token(second.partnerUser()))
			.post("/api/v1/registrations/" + held.id() + "/override-hold", "{\"reason\": \"mine\"}")
			.andExpect(status().isForbidden());
		var pamApi = new Api(this.mvc, this.fixtures.token(second.pam()));
		pamApi.post("/api/v1/registrations/" + held.id() + "/override-hold", "{\"reason\": \" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(this.registrations.get(second.pam(), held.id()).status()).isEqualTo(RegistrationStatus.ON_HOLD);

		pamApi
			.post("/api/v1/registrations/" + held.id() + "/override-hold",
					"{\"reason\": \"Different subsidiary of a shared parent domain\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"));
		long audited = this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'deal-registration' AND entity_id = ?
				AND action LIKE '%Different subsidiary of a shared parent domain%'
				""").param(String.valueOf(held.id())).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
		assertThatThrownBy(() -> this.registrations.overrideHold(second.pam(), held.id(), "again"))
			.isInstanceOfSatisfying(com.trellis.shared.ConflictException.class,
					ex -> assertThat(ex.field()).isEqualTo("status"));

		var approved = this.registrations.approve(second.pam(), held.id(),
				new ApproveCommand(second.ae().userId(), CreditType.SOURCED));
		assertThat(approved.status()).isEqualTo(RegistrationStatus.APPROVED);
	}

}
