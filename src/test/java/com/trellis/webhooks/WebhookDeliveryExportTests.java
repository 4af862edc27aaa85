package com.trellis.webhooks;

import java.time.Duration;
import java.time.Instant;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subscription's delivery log exports as CSV for the admin: each message with its
 * status and every attempt, the failed one's answer included.
 */
@TrellisTest
class WebhookDeliveryExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetSubscriptions() {
		this.jdbc.sql("DELETE FROM webhook_subscription").update();
	}

	@Test
	void theDeliveryLogExportsEachMessageWithEveryAttempt() throws Exception {
		this.jdbc.sql("DELETE FROM webhook_subscription").update();
		this.clock.set(Instant.now());
		var adminUser = this.fixtures.user(Role.ADMIN);
		var admin = new Api(this.mvc, this.fixtures.token(adminUser));
		try (var receiver = new Receiver().answering(503)) {
			admin
				.post("/api/v1/webhooks",
						"{\"url\": \"%s\", \"eventTypes\": [\"partner.lifecycle_changed\"]}".formatted(receiver.url()))
				.andExpect(status().isCreated());
			long subscription = this.jdbc.sql("SELECT id FROM webhook_subscription").query(Long.class).single();
			var world = this.fixtures.world("Export Webhook Partners");
			admin
				.post("/api/v1/partners/" + world.partnerId() + "/lifecycle",
						"{\"toStatus\": \"DORMANT\", \"reason\": \"Quiet for a quarter\"}")
				.andExpect(status().isOk());
			this.dispatcher.dispatch();
			this.clock.advance(Duration.ofHours(2));
			this.dispatcher.dispatch();

			var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
			var session = readers.signIn(adminUser);
			var csv = this.mvc.perform(get("/admin/webhooks/" + subscription + "/deliveries.csv").session(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			var lines = csv.lines().toList();
			assertThat(lines.get(0)).isEqualTo("\uFEFFid,message_id,event_type,status,attempts,last_status_code,"
					+ "last_error,created_at,next_attempt_at,delivered_at,attempt_log");
			assertThat(lines).hasSize(2);
			assertThat(lines.get(1)).contains(",partner.lifecycle_changed,DELIVERED,2,200,")
				.containsPattern(" 503 \\d+ms.* \\| .* 200 \\d+ms");
			assertThat(Readers.read(this.mvc, session, "/admin/webhooks/" + subscription))
				.contains("href=\"/admin/webhooks/" + subscription + "/deliveries.csv\"");

			this.mvc.perform(get("/admin/webhooks/999999999/deliveries.csv").session(session))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(
						get("/admin/webhooks/" + subscription + "/deliveries.csv").session(readers.signIn(world.pam())))
				.andExpect(status().isForbidden());
		}
	}

}
