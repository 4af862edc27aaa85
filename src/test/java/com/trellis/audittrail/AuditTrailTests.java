package com.trellis.audittrail;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log is read (s56, try62: what the README calls audited could be read
 * nowhere): a program admin pages through it newest first on {@code /admin/audit} and
 * {@code GET /api/v1/audit}, filtered by record, user and business days, with each
 * entry's record before and after; bad filters are named; nobody else reads it.
 */
@TrellisTest
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminReadsARecordsChangesNewestFirstWithBeforeAndAfter() throws Exception {
		var world = this.fixtures.world("Audit Trail Partner");
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(adminUser));
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		var tier = this.jdbc.sql("SELECT tier FROM partner WHERE id = ?")
			.param(world.partnerId())
			.query(String.class)
			.single();
		for (var name : new String[] { "Audit Trail Renamed", "Audit Trail Renamed Again" }) {
			pam.put("/api/v1/partners/" + world.partnerId(), """
					{"name": "%s", "type": "SI", "region": "EMEA", "ownerPamId": %d, "tier": "%s"}""".formatted(name,
					world.pam().userId(), tier))
				.andExpect(status().isOk());
		}
		String url = "/api/v1/audit?entityType=partner&entityId=" + world.partnerId();
		admin.get(url + "&actorId=" + world.pam().userId())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].action").value("updated"))
			.andExpect(jsonPath("$.items[0].actorName").value(world.pam().name()))
			.andExpect(jsonPath("$.items[0].before.name").value("Audit Trail Renamed"))
			.andExpect(jsonPath("$.items[0].after.name").value("Audit Trail Renamed Again"))
			.andExpect(jsonPath("$.items[*].entityId").value(everyItem(is(String.valueOf(world.partnerId())))));
		admin.get(url + "&size=1&page=1").andExpect(jsonPath("$.items[0].after.name").value("Audit Trail Renamed"));
		// days are business days: a range ending before today holds none of today's
		admin.get(url + "&from=2020-01-01&to=2020-12-31").andExpect(jsonPath("$.total").value(0));

		var page = new Readers(this.mvc, this.jdbc, this.fixtures);
		var html = page.read(page.signIn(adminUser), "/admin/audit?entityType=partner&entityId=" + world.partnerId());
		assertThat(html).contains("id=\"audit-entries\"")
			.contains("Audit Trail Renamed Again")
			.contains(world.pam().name());
		// the filter's days are the program's, the times shown the reader's: the page
		// names both zones (try67: a reader at UTC+14 saw times of the next day and a
		// filter on that day found none)
		this.jdbc.sql("UPDATE app_user SET time_zone = 'Pacific/Kiritimati' WHERE id = :id")
			.param("id", adminUser.userId())
			.update();
		assertThat(page.read(page.signIn(adminUser), "/admin/audit"))
			.contains("times are shown in your time zone, Pacific/Kiritimati");
	}

	@Test
	void badFiltersAreNamedAndOnlyAnAdminReads() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin.get("/api/v1/audit?entityType=Partner!&entityId=7x&from=2026-02-30&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("from")));
		admin.get("/api/v1/audit?entityType=Partner!&size=0")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("entityType", "size")));
		admin.get("/api/v1/audit?entityId=7")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("entityId"));
		admin.get("/api/v1/audit?from=2026-03-02&to=2026-03-01")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		// s56: the far ends of the calendar answered 500 or named nothing
		admin.get("/api/v1/audit?from=-4713-01-01&to=9999-12-31")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("from", "to")));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get(java.net.URI.create("/api/v1/audit?to=%2B999999999-12-31"))
				.header("Authorization", "Bearer " + admin.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		var world = this.fixtures.world("Audit Trail Outsiders");
		for (var viewer : new com.trellis.identity.Viewer[] { world.pam(), world.ae(), world.partnerUser() }) {
			new Api(this.mvc, this.fixtures.token(viewer)).get("/api/v1/audit?size=0")
				.andExpect(status().isForbidden());
		}
	}

}
