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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who changes an account (s56: a sales manager edited, and handed away, any rep's
 * account, while a deal is theirs to change only for their team): an admin any account,
 * an account executive their own, a sales manager their own, their team's and accounts
 * nobody owns; the account page offers Edit only to them.
 */
@TrellisTest
class AccountEditReachTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSalesManagerChangesTheirTeamsAndUnownedAccountsOnly() throws Exception {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var report = this.fixtures.user(Role.AE, null, manager.userId());
		var stranger = this.fixtures.user(Role.AE);
		long teams = account("Reach Team Account", report.userId());
		long strangers = account("Reach Stranger Account", stranger.userId());
		long unowned = account("Reach Unowned Account", null);
		var lead = new Api(this.mvc, this.fixtures.token(manager));
		lead.put("/api/v1/accounts/" + teams, body("Reach Team Account Renamed", report.userId()))
			.andExpect(status().isOk());
		lead.put("/api/v1/accounts/" + unowned, body("Reach Unowned Account", manager.userId()))
			.andExpect(status().isOk());
		lead.put("/api/v1/accounts/" + strangers, body("Reach Taken Over", manager.userId()))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT owner_ae_id FROM account WHERE id = ?")
			.param(strangers)
			.query(Long.class)
			.single()).isEqualTo(stranger.userId());
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var session = readers.signIn(manager);
		assertThat(readers.read(session, "/accounts/" + teams)).contains("/accounts/" + teams + "/edit");
		assertThat(readers.read(session, "/accounts/" + strangers)).doesNotContain("/accounts/" + strangers + "/edit");
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.put("/api/v1/accounts/" + strangers, body("Reach Stranger Account", stranger.userId()))
			.andExpect(status().isOk());
	}

	private long account(String name, Long ownerId) {
		long id = this.fixtures.account(name, null, ownerId == null ? this.fixtures.user(Role.AE).userId() : ownerId);
		if (ownerId == null) {
			this.jdbc.sql("UPDATE account SET owner_ae_id = NULL WHERE id = ?").param(id).update();
		}
		return id;
	}

	private static String body(String name, long ownerId) {
		return "{\"name\": \"%s\", \"ownerAeId\": %d}".formatted(name, ownerId);
	}

}
