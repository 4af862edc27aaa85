package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The program admin's lists export as CSV with their filters: the users (never a
 * password) and the audit trail (each entry's before and after as the page shows them); a
 * bad filter is named before the file starts, and no one else exports them.
 */
@TrellisTest
class AdminListExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theAdminExportsTheUsersAsFilteredAndNoOneElseDoes() throws Exception {
		var world = this.fixtures.world("Export Users Partner");
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var admin = readers.signIn(this.fixtures.user(Role.ADMIN));
		var email = this.fixtures.email(world.partnerUser());

		var partners = export(admin, "/admin/users/export.csv?role=PARTNER&active=true");
		assertThat(partners.lines().toList().get(0)).isEqualTo(
				"\uFEFFid,email,name,role,team,manager_id,manager,job_role,partner_id,active,must_change_password,created_at");
		assertThat(partners).contains(email + ",")
			.contains(",PARTNER,")
			.doesNotContain(",PAM,", this.fixtures.email(world.pam()))
			.doesNotContainIgnoringCase("password_hash")
			.doesNotContain("{bcrypt}", "$2a$");
		assertThat(partners.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",PARTNER,"));
		assertThat(export(admin, "/admin/users/export.csv?q=" + email)).contains(email);
		assertThat(Readers.read(this.mvc, admin, "/admin/users?role=PARTNER&active=true&page=0&size=10"))
			.contains("href=\"/admin/users/export.csv?role=PARTNER&amp;active=true\"");

		var bad = this.mvc.perform(get("/admin/users/export.csv?role=NOPE&active=perhaps").session(admin))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Readers.namedFields(bad)).containsExactlyInAnyOrder("role", "active");
		this.mvc.perform(get("/admin/users/export.csv").session(readers.signIn(world.pam())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdminExportsARecordsAuditTrailWithItsBeforeAndAfter() throws Exception {
		var world = this.fixtures.world("Export Audit Partner");
		var tier = this.jdbc.sql("SELECT tier FROM partner WHERE id = ?")
			.param(world.partnerId())
			.query(String.class)
			.single();
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.put("/api/v1/partners/" + world.partnerId(),
					"""
							{"name": "Export Audit Renamed", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "%s"}"""
						.formatted(world.pam().userId(), tier))
			.andExpect(status().isOk());
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var admin = readers.signIn(this.fixtures.user(Role.ADMIN));

		var csv = export(admin, "/admin/audit/export.csv?entityType=partner&entityId=" + world.partnerId());
		assertThat(csv.lines().toList().get(0))
			.isEqualTo("\uFEFFid,occurred_at,actor_id,actor,entity_type,entity_id,action,before,after");
		assertThat(csv).contains("," + world.pam().userId() + ",")
			.contains(",partner," + world.partnerId() + ",updated,")
			.contains("Export Audit Renamed");
		assertThat(csv.lines().skip(1))
			.allSatisfy(line -> assertThat(line).contains(",partner," + world.partnerId() + ","));
		assertThat(Readers.read(this.mvc, admin, "/admin/audit?entityType=partner&entityId=" + world.partnerId()))
			.contains("href=\"/admin/audit/export.csv?entityType=partner&amp;entityId=" + world.partnerId() + "\"");

		this.mvc.perform(get("/admin/audit/export.csv?from=2026-02-30").session(admin))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/audit/export.csv").session(readers.signIn(this.fixtures.user(Role.EXECUTIVE))))
			.andExpect(status().isForbidden());
	}

	private String export(MockHttpSession session, String url) throws Exception {
		return Readers.csv(this.mvc, session, url);
	}

}
