package com.trellis.accounts;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Whom an account's owner may be named as, by whom, as for deals: an account executive
 * themselves, a sales manager themselves or their team, an admin anyone (an AE opened an
 * account for, or handed their account to, a rep of another team, which they could then
 * not edit). A refusal is a 400 naming {@code ownerAeId} and changes nothing; an account
 * keeps its owner through an edit by someone who could not name them.
 */
@TrellisTest
class AccountOwnerReachTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAeKeepsTheirAccountsAndAManagerHandsThemWithinTheTeam() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		var colleague = this.fixtures.user(Role.AE, null, manager.userId());
		var stranger = this.fixtures.user(Role.AE);
		var ae = new Api(this.mvc, this.fixtures.token(rep));
		long accounts = this.fixtures.count("account");

		ae.post("/api/v1/accounts", account("Reach Foods", stranger.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerAeId"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"an account executive owns the accounts they open or change; their sales manager or an admin names another owner"));
		assertThat(this.fixtures.count("account")).isEqualTo(accounts);

		long own = this.fixtures.account("Reach Own Foods", null, rep.userId());
		ae.put("/api/v1/accounts/" + own, account("Reach Own Foods", colleague.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerAeId"));
		ae.put("/api/v1/accounts/" + own, account("Reach Own Foods Ltd", rep.userId())).andExpect(status().isOk());

		var lead = new Api(this.mvc, this.fixtures.token(manager));
		lead.put("/api/v1/accounts/" + own, account("Reach Own Foods Ltd", stranger.userId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be you or an account executive of your team"));
		lead.put("/api/v1/accounts/" + own, account("Reach Own Foods Ltd", colleague.userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerAeId").value(colleague.userId()));
		// an admin names anyone
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.put("/api/v1/accounts/" + own, account("Reach Own Foods Ltd", stranger.userId()))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT owner_ae_id FROM account WHERE id = ?").param(own).query(Long.class).single())
			.isEqualTo(stranger.userId());

		// an edit without an owner keeps the account's (try86: it went to the manager or
		// the admin who saved it); an admin's new one without an owner is nobody's
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.put("/api/v1/accounts/" + own, "{\"name\": \"Reach Own Foods Ltd\", \"industry\": \"Retail\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerAeId").value(stranger.userId()));
		admin.post("/api/v1/accounts", "{\"name\": \"Reach Ownerless Foods\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerAeId").doesNotExist());

		// the page form offers only the owners the viewer may name
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var form = readers.read(readers.signIn(rep), "/accounts/new");
		assertThat(form).contains("value=\"" + rep.userId() + "\"")
			.doesNotContain("value=\"" + stranger.userId() + "\"");
		var teamForm = readers.read(readers.signIn(manager), "/accounts/new");
		assertThat(teamForm).contains("value=\"" + colleague.userId() + "\"")
			.doesNotContain("value=\"" + stranger.userId() + "\"");
	}

	private static String account(String name, long ownerId) {
		return """
				{"name": "%s", "industry": "Retail", "ownerAeId": %d}""".formatted(name, ownerId);
	}

}
