package com.trellis.shared;

import java.net.URI;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * low31: an id with a space ({@code /notifications/865%20/read}, {@code /partners/12%20})
 * was read as the id without it; every whole-number id of a path is digits alone, else a
 * 400 names it.
 */
@TrellisTest
class WholeNumberParametersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoticeIdWithASpaceIsABadRequestNamingTheParameterAndChangesNothing() throws Exception {
		var world = this.fixtures.world("Spaced Id Partners");
		long notice = this.jdbc.sql("""
				INSERT INTO notification (notice_key, partner_id, kind, subject, body, link, created_at)
				VALUES ('test:spaced-id', ?, 'TEST', 'Spaced', 'Spaced.', '/', now()) RETURNING id
				""").param(world.partnerId()).query(Long.class).single();
		var api = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		for (var id : new String[] { notice + "%20", "%20" + notice, "8%20" + notice }) {
			this.mvc
				.perform(post(URI.create("/api/v1/partners/" + world.partnerId() + "/notifications/" + id + "/read"))
					.header("Authorization", "Bearer " + this.fixtures.token(world.partnerUser())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("notificationId"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("whole number")));
		}
		api.get("/api/v1/partners/" + world.partnerId() + "/notifications")
			.andExpect(jsonPath("$[0].unread").value(true));
		api.post("/api/v1/partners/" + world.partnerId() + "/notifications/" + notice + "/read", "")
			.andExpect(status().isOk());
	}

	@Test
	void aPagesIdWithASpaceIsABadRequest() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		long partner = this.fixtures.partner("Spaced Page Partners", admin.userId());
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		this.mvc.perform(get(URI.create("/partners/" + partner + "%20")).session(session))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id")));
		this.mvc.perform(get("/partners/" + partner).session(session)).andExpect(status().isOk());
	}

}
