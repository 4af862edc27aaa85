package com.trellis.partners;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class PartnerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rejectsPartnerWithMissingFieldsNamingEachAndWritesNothing() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		long partners = this.fixtures.count("partner");
		long audits = this.fixtures.count("audit_entry");

		send(post("/api/v1/partners"), admin, "{\"webDomain\": \"Not a domain!\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("name", "type", "region", "ownerPamId", "tier", "webDomain")));

		assertThat(this.fixtures.count("partner")).isEqualTo(partners);
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audits);
	}

	@Test
	void namesTheFieldWhenAnEnumValueIsUnknown() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		send(post("/api/v1/partners"), admin, "{\"name\": \"X\", \"type\": \"WIZARD\"}")
			.andExpect(status().isBadRequest())
			// the unknown value is named beside the other missing fields, in one round
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("type", "region", "ownerPamId", "tier")));
	}

	@Test
	void rejectsAnOwnerWhoIsNotAPartnerManager() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var ae = this.fixtures.user(Role.AE);
		long partners = this.fixtures.count("partner");
		send(post("/api/v1/partners"), admin, partnerJson("Quill Partners", ae.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerPamId"));
		assertThat(this.fixtures.count("partner")).isEqualTo(partners);
	}

	@Test
	void createsAPartnerAsProspectWithItsFirstLifecycleEntryAndAnAuditEntry() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var pam = this.fixtures.user(Role.PAM);
		var body = send(post("/api/v1/partners"), admin, partnerJson("Larchwood Digital", pam.userId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.lifecycleStatus").value("PROSPECT"))
			.andExpect(jsonPath("$.verticals").value(containsInAnyOrder("Retail", "Healthcare")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_lifecycle_change WHERE partner_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'partner' AND entity_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("created");
	}

	@Test
	void aVerticalOrCapabilityWrittenTwiceInAnotherCaseIsKeptOnceAsFirstWritten() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var pam = this.fixtures.user(Role.PAM);
		var json = partnerJson("Twice Written Ltd", pam.userId())
			.replace("[\"Retail\", \"Healthcare\"]", "[\"Retail\", \"retail \", \"Healthcare\", \"RETAIL\"]")
			.replace("[\"Implementation\"]", "[\"Implementation\", \"implementation\"]");
		send(post("/api/v1/partners"), admin, json).andExpect(status().isCreated())
			.andExpect(jsonPath("$.verticals").value(contains("Retail", "Healthcare")))
			.andExpect(jsonPath("$.capabilities").value(contains("Implementation")));
		// a bad item is named at the index sent, not in the list without the repeats
		send(post("/api/v1/partners"), admin, json.replace("\"RETAIL\"", "null")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("verticals[3]")));
	}

	@Test
	void aPamCannotChangeAnotherPamsPartner() throws Exception {
		var world = this.fixtures.world("Otherbook Ltd");
		var outsider = this.fixtures.token(this.fixtures.user(Role.PAM));
		send(put("/api/v1/partners/" + world.partnerId()), outsider, partnerJson("Renamed", world.pam().userId()))
			.andExpect(status().isForbidden());
		send(post("/api/v1/partners/" + world.partnerId() + "/lifecycle"), outsider,
				"{\"toStatus\": \"DORMANT\", \"reason\": \"quiet\"}")
			.andExpect(status().isForbidden());
	}

	@Test
	void theOwningPamMovesTheLifecycleOnlyWithAReasonAndAllowedStep() throws Exception {
		var world = this.fixtures.world("Stepwise GmbH");
		var pam = this.fixtures.token(world.pam());
		var url = "/api/v1/partners/" + world.partnerId() + "/lifecycle";

		send(post(url), pam, "{\"toStatus\": \"DORMANT\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		send(post(url), pam, "{\"toStatus\": \"PROSPECT\", \"reason\": \"restart\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toStatus"));
		assertThat(lifecycleOf(world.partnerId())).isEqualTo("ACTIVE");

		send(post(url), pam, "{\"toStatus\": \"DORMANT\", \"reason\": \"No activity for 60 days\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lifecycleStatus").value("DORMANT"));
		assertThat(this.jdbc.sql("SELECT reason FROM partner_lifecycle_change WHERE partner_id = ?")
			.param(world.partnerId())
			.query(String.class)
			.list()).contains("No activity for 60 days");
	}

	@Test
	void anAdminReassignsAWholeBookAndItIsAudited() throws Exception {
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var from = this.fixtures.user(Role.PAM);
		var to = this.fixtures.user(Role.PAM);
		this.fixtures.partner("Book One", from.userId());
		this.fixtures.partner("Book Two", from.userId());
		send(post("/api/v1/partners/reassignments"), admin,
				"{\"fromPamId\": %d, \"toPamId\": %d, \"reason\": \"Territory change\"}".formatted(from.userId(),
						to.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.partnersMoved").value(2));
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner WHERE owner_pam_id = ?")
			.param(to.userId())
			.query(Long.class)
			.single()).isEqualTo(2);
		send(post("/api/v1/partners/reassignments"), this.fixtures.token(to),
				"{\"fromPamId\": %d, \"toPamId\": %d, \"reason\": \"x\"}".formatted(to.userId(), from.userId()))
			.andExpect(status().isForbidden());

		// a book that does not exist, or is empty, is refused naming fromPamId and
		// nothing is
		// written, not even an audit entry (try26: 200 with 0 moved and an audit entry)
		long audits = this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'pam-book'")
			.query(Long.class)
			.single();
		for (long fromId : new long[] { 999_999_999L, from.userId() }) {
			send(post("/api/v1/partners/reassignments"), admin,
					"{\"fromPamId\": %d, \"toPamId\": %d, \"reason\": \"Territory change\"}".formatted(fromId,
							to.userId()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("fromPamId"));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'pam-book'")
			.query(Long.class)
			.single()).isEqualTo(audits);
	}

	@Test
	void listFiltersByLifecycleAndPam() throws Exception {
		var world = this.fixtures.world("Filterable Inc");
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/partners?pamId=" + world.pam().userId() + "&lifecycle=ACTIVE")
				.header("Authorization", "Bearer " + admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[*].name").value(hasItem("Filterable Inc")));
	}

	private String lifecycleOf(long partnerId) {
		return this.jdbc.sql("SELECT lifecycle_status FROM partner WHERE id = ?")
			.param(partnerId)
			.query(String.class)
			.single();
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String token, String json) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private static String partnerJson(String name, long pamId) {
		return """
				{"name": "%s", "type": "SI", "webDomain": "larchwood.example", "verticals": ["Retail", "Healthcare"],
				 "capabilities": ["Implementation"], "region": "EMEA", "ownerPamId": %d, "tier": "TIER_3_BASELINE"}
				""".formatted(name, pamId);
	}

}
