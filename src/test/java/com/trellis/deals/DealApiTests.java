package com.trellis.deals;

import java.util.List;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class DealApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rejectsAnOpportunityWithMissingFieldsNamingEachAndWritesNothing() throws Exception {
		var ae = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.AE)));
		long deals = this.fixtures.count("opportunity");
		ae.post("/api/v1/opportunities", "{\"amount\": -5, \"currency\": \"dollars\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("accountId", "name", "amount", "currency", "stage", "source")));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void rejectsAnUnknownAccountAndInconsistentCreditTogether() throws Exception {
		var ae = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.AE)));
		long deals = this.fixtures.count("opportunity");
		ae.post("/api/v1/opportunities", """
				{"accountId": 999999999, "name": "Ghost", "amount": 1000, "currency": "EUR", "stage": "QUALIFIED",
				 "source": "DIRECT", "partnerId": 999999999, "creditType": "SOURCED", "partnerShare": 10}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("accountId", "partnerId", "source")));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	@Test
	void createsADealOwnedByTheCallerAndAuditsItsEdits() throws Exception {
		var world = this.fixtures.world("Staging Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var json = """
				{"accountId": %d, "name": "Rollout", "amount": %s, "currency": "EUR", "stage": "QUALIFIED",
				 "closeDate": "2027-02-15", "source": "DIRECT", "partnerId": %d, "creditType": "CO_SELL",
				 "partnerShare": 15}
				""";
		var body = ae.post("/api/v1/opportunities", json.formatted(world.accountId(), "48000.50", world.partnerId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerId").value(world.ae().userId()))
			.andExpect(jsonPath("$.amount").value(48000.50))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));

		ae.put("/api/v1/opportunities/" + id, json.formatted(world.accountId(), "52000", world.partnerId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(52000))
			.andExpect(jsonPath("$.stage").value("QUALIFIED"));

		assertThat(this.jdbc.sql("SELECT to_stage FROM opportunity_stage_change WHERE opportunity_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("QUALIFIED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'opportunity' AND entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void onlyTheOwnerOrTheirManagerChangesADeal() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var owner = this.fixtures.user(Role.AE, null, manager.userId());
		var otherRep = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Owned Deal Partner", pam.userId());
		long account = this.fixtures.account("Owned Co", "owned.example", owner.userId());
		long deal = this.fixtures.partnerDeal(account, owner.userId(), partner, "1000.00");
		var json = """
				{"accountId": %d, "name": "Renamed", "amount": 1000, "currency": "USD", "stage": "QUALIFIED",
				 "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED", "partnerShare": 20, "ownerId": %d}
				""".formatted(account, partner, owner.userId());

		new Api(this.mvc, this.fixtures.token(otherRep)).put("/api/v1/opportunities/" + deal, json)
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(manager)).put("/api/v1/opportunities/" + deal, json)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed"));
	}

	@Test
	void aClosedDealsCloseDateIsNotEditedAndNoDealsCloseDateIsSetBeforeItWasCreated() throws Exception {
		var world = this.fixtures.world("Close Date Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var json = """
				{"accountId": %d, "name": "Fixture deal", "amount": 125000, "currency": "USD", "stage": "%s",
				 "closeDate": "2020-01-01", "source": "PARTNER", "partnerId": %d, "creditType": "SOURCED",
				 "partnerShare": 20}
				""";
		ae.put("/api/v1/opportunities/" + world.dealId(),
				json.formatted(world.accountId(), "QUALIFIED", world.partnerId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("closeDate"));
		for (var closed : List.of("CLOSED_WON", "CLOSED_LOST")) {
			this.jdbc.sql("UPDATE opportunity SET stage = ? WHERE id = ?").params(closed, world.dealId()).update();
			ae.put("/api/v1/opportunities/" + world.dealId(),
					json.formatted(world.accountId(), closed, world.partnerId()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("closeDate"));
		}
		assertThat(this.jdbc.sql("SELECT close_date > DATE '2020-01-01' FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aDealIsOwnedByAnActiveAccountExecutiveOrSalesManagerOnly() throws Exception {
		var world = this.fixtures.world("Owner Rule Partners");
		var ae = new Api(this.mvc, this.fixtures.token(world.ae()));
		var inactive = this.fixtures.user(Role.AE);
		this.jdbc.sql("UPDATE app_user SET enabled = false WHERE id = ?").param(inactive.userId()).update();
		var json = """
				{"accountId": %d, "name": "Owned", "amount": 1000, "currency": "USD", "stage": "QUALIFIED",
				 "source": "DIRECT", "ownerId": %d}
				""";
		long deals = this.fixtures.count("opportunity");
		for (var owner : List.of(this.fixtures.user(Role.ADMIN), world.pam(), world.partnerUser(), inactive)) {
			ae.post("/api/v1/opportunities", json.formatted(world.accountId(), owner.userId()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		}
		ae.post("/api/v1/opportunities", json.formatted(world.accountId(), 999999999L))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		ae.post("/api/v1/opportunities", json.formatted(world.accountId(), world.ae().userId()))
			.andExpect(status().isCreated());
	}

}
