package com.trellis.webhooks;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subscription's edit form refused keeps what was typed beside the errors, and nothing
 * is saved (try19: it showed the stored URL, description and events again).
 */
@TrellisTest
class WebhookEditFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedEditComesBackAsTyped() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var created = new Api(this.mvc, this.fixtures.token(admin)).post("/api/v1/webhooks", """
				{"url": "https://receiver.example/stored", "eventTypes": ["deal.won"], "description": "Stored"}
				""").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*\"subscription\":\\{\"id\":(\\d+).*", "$1"));
		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		var response = this.mvc
			.perform(post("/admin/webhooks/" + id).session(session)
				.with(csrf())
				.param("url", "https://a..example/typed")
				.param("eventTypes", "payout.made")
				.param("description", "Typed description"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		response.setCharacterEncoding("UTF-8");
		assertThat(response.getContentAsString()).contains("value=\"https://a..example/typed\"")
			.contains("value=\"Typed description\"")
			.containsPattern("value=\"payout.made\"\\s+checked")
			.doesNotContainPattern("value=\"deal.won\"\\s+checked");
		assertThat(this.jdbc.sql("SELECT url || ' ' || description FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("https://receiver.example/stored Stored");
	}

}
