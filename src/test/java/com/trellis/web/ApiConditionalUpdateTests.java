package com.trellis.web;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's record updates are conditional when the caller asks: a deal's, partner's and
 * account's GET answers its version as an ETag; a PUT that sends it back in If-Match
 * after someone else changed the record is refused with 412 naming If-Match and changes
 * nothing; an unreadable If-Match is 400 naming it, after who may edit was checked.
 */
@TrellisTest
class ApiConditionalUpdateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDealEditedWithAnOutdatedETagIsRefusedWith412AndKeepsTheOtherChange() throws Exception {
		var world = this.fixtures.world("Conditional Deals");
		var token = this.fixtures.token(world.ae());
		String url = "/api/v1/opportunities/" + world.dealId();
		var json = """
				{"accountId": %d, "name": "%s", "amount": 1000, "currency": "USD", "stage": "%s",
				 "closeDate": "2027-02-15", "source": "PARTNER", "partnerId": %d, "creditType": "%s",
				 "partnerShare": %s}""";
		var deal = this.jdbc.sql("SELECT stage, credit_type, partner_share FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		String read = etag(token, url);
		var answered = send(token, url,
				json.formatted(world.accountId(), "First edit", deal[0], world.partnerId(), deal[1], deal[2]), read)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		String after = etag(token, url);
		assertThat(answered).isEqualTo(after);
		assertThat(after).isNotEqualTo(read).matches("\"\\d+\"");
		send(token, url, json.formatted(world.accountId(), "Stale edit", deal[0], world.partnerId(), deal[1], deal[2]),
				read)
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		assertThat(name("opportunity", world.dealId())).isEqualTo("First edit");
		send(token, url, json.formatted(world.accountId(), "Any edit", deal[0], world.partnerId(), deal[1], deal[2]),
				"*")
			.andExpect(status().isOk());
	}

	@Test
	void aPartnerAndAnAccountEditedWithAnOutdatedETagAreRefusedWith412() throws Exception {
		var world = this.fixtures.world("Conditional Partners");
		var pam = this.fixtures.token(world.pam());
		String partnerUrl = "/api/v1/partners/" + world.partnerId();
		var partnerJson = """
				{"name": "%s", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "TIER_2_EMERGING"}""";
		String read = etag(pam, partnerUrl);
		// the PUT answers the new version's tag: the next change needs no read (s55)
		String saved = send(pam, partnerUrl, partnerJson.formatted("Renamed once", world.pam().userId()), read)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed once"))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(saved).isEqualTo(etag(pam, partnerUrl)).isNotEqualTo(read);
		send(pam, partnerUrl, partnerJson.formatted("Renamed stale", world.pam().userId()), read)
			.andExpect(status().isPreconditionFailed());
		assertThat(name("partner", world.partnerId())).isEqualTo("Renamed once");
		send(pam, partnerUrl, partnerJson.formatted("Renamed twice", world.pam().userId()), saved)
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"));

		var ae = this.fixtures.token(world.ae());
		String accountUrl = "/api/v1/accounts/" + world.accountId();
		var accountJson = """
				{"name": "%s", "ownerAeId": %d}""";
		String seen = etag(ae, accountUrl);
		send(ae, accountUrl, accountJson.formatted("Account once", world.ae().userId()), seen)
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\"")));
		send(ae, accountUrl, accountJson.formatted("Account stale", world.ae().userId()), seen)
			.andExpect(status().isPreconditionFailed());
		assertThat(name("account", world.accountId())).isEqualTo("Account once");
	}

	@Test
	void aPutRepeatingTheSavedValuesKeepsTheVersionAndWritesNoAuditEntry() throws Exception {
		var world = this.fixtures.world("Conditional Repeats");
		var pam = this.fixtures.token(world.pam());
		var partnerJson = """
				{"name": "Repeats Partner", "type": "SI", "region": "EMEA", "ownerPamId": %d,
				 "tier": "TIER_2_EMERGING"}""".formatted(world.pam().userId());
		assertRepeatChangesNothing(pam, "/api/v1/partners/" + world.partnerId(), partnerJson, "partner",
				world.partnerId());
		var ae = this.fixtures.token(world.ae());
		var accountJson = """
				{"name": "Repeats Account", "webDomain": "repeats.example", "industry": "Retail",
				 "employeeBand": "51-200", "ownerAeId": %d, "country": "DE"}""".formatted(world.ae().userId());
		assertRepeatChangesNothing(ae, "/api/v1/accounts/" + world.accountId(), accountJson, "account",
				world.accountId());
		var deal = this.jdbc.sql("SELECT stage, credit_type, partner_share FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		var dealJson = """
				{"accountId": %d, "name": "Repeats Deal", "amount": 1234.50, "currency": "EUR", "stage": "%s",
				 "closeDate": "2027-03-01", "source": "PARTNER", "partnerId": %d, "creditType": "%s",
				 "partnerShare": %s}""".formatted(world.accountId(), deal[0], world.partnerId(), deal[1], deal[2]);
		assertRepeatChangesNothing(ae, "/api/v1/opportunities/" + world.dealId(), dealJson, "opportunity",
				world.dealId());
	}

	private void assertRepeatChangesNothing(String token, String url, String json, String entity, long id)
			throws Exception {
		String first = send(token, url, json, "*").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		long entries = audits(entity, id);
		var changedAt = this.jdbc.sql("SELECT updated_at::text FROM " + entity + " WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		// the same values again, with the tag just answered: a client retrying its PUT
		// is not refused afterwards for a change nobody made
		String second = send(token, url, json, first).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(second).isEqualTo(first).isEqualTo(etag(token, url));
		assertThat(audits(entity, id)).isEqualTo(entries);
		assertThat(this.jdbc.sql("SELECT updated_at::text FROM " + entity + " WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(changedAt);
	}

	private long audits(String entity, long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = ? AND entity_id = ?")
			.param(entity)
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void anUnreadableIfMatchIsNamedAfterWhoMayEditWasChecked() throws Exception {
		var world = this.fixtures.world("Conditional Headers");
		String url = "/api/v1/accounts/" + world.accountId();
		var json = """
				{"name": "Never saved", "ownerAeId": %d}""".formatted(world.ae().userId());
		send(this.fixtures.token(world.ae()), url, json, "version twelve").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		// If-Match compares strongly: a weak tag is no version of the record
		send(this.fixtures.token(world.ae()), url, json, "W/\"1\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("If-Match"));
		send(this.fixtures.token(this.fixtures.user(Role.PARTNER, world.partnerId(), null)), url, json,
				"version twelve")
			.andExpect(status().is4xxClientError())
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		assertThat(name("account", world.accountId())).isNotEqualTo("Never saved");
	}

	private String etag(String token, String url) throws Exception {
		var tag = this.mvc.perform(get(url).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(tag).matches("\"\\d+\"");
		return tag;
	}

	private ResultActions send(String token, String url, String json, String ifMatch) throws Exception {
		return this.mvc.perform(put(url).header("Authorization", "Bearer " + token)
			.header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private String name(String table, long id) {
		return this.jdbc.sql("SELECT name FROM " + table + " WHERE id = ?").param(id).query(String.class).single();
	}

}
