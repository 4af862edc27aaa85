package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import brings history in and announces none of it (docs/webhooks.md): closes a
 * Trellis-format file records send no {@code deal.won} or {@code deal.lost}, while the
 * close still counts inside Trellis (its facts hold it); a close made in Trellis sends
 * exactly one message.
 */
@TrellisTest
class ImportedClosesAnnounceNothingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deals deals;

	@Autowired
	Clock clock;

	Viewer admin;

	Fixtures.World world;

	long subscription;

	@BeforeEach
	void subscribed() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.world = this.fixtures.world("Quiet Import " + System.nanoTime());
		this.subscription = this.jdbc.sql("""
				INSERT INTO webhook_subscription (url, event_types, secret, created_at, updated_at)
				VALUES ('https://hooks.example.com/quiet', ARRAY['deal.won', 'deal.lost'], 'whsec_test', now(), now())
				RETURNING id""").query(Long.class).single();
	}

	@AfterEach
	void unsubscribed() {
		this.jdbc.sql("DELETE FROM webhook_delivery WHERE subscription_id = ?").param(this.subscription).update();
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(this.subscription).update();
	}

	@Test
	void closesAFileRecordsSendNoWebhookButAreStillPublishedInsideTrellis() throws Exception {
		var key = "quiet-" + System.nanoTime() + "-";
		var today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		var created = today.minusDays(40) + "T10:00:00Z";
		var qualified = "QUALIFIED@" + today.minusDays(40) + "T10:00:00Z";
		var head = "source_id,name,account_id,amount,currency,stage,close_date,owner_id,created_at,stage_history\r\n";
		var tail = "," + this.world.accountId() + ",100.00,USD,";
		var owner = "," + this.world.ae().userId() + "," + created + ",";
		var closed = today.minusDays(5);
		var file = head + key + "1,Quiet won" + tail + "CLOSED_WON," + closed + owner + qualified + ";CLOSED_WON@"
				+ closed + "T10:00:00Z\r\n" + key + "2,Quiet lost" + tail + "CLOSED_LOST," + closed + owner + qualified
				+ ";CLOSED_LOST@" + closed + "T10:00:00Z\r\n" + key + "3,Quiet later" + tail + "QUALIFIED,"
				+ today.plusDays(30) + owner + qualified + "\r\n";
		importing(file).andExpect(jsonPath("$.created").value(3));
		long won = deal("Quiet won");
		long lost = deal("Quiet lost");
		long open = deal("Quiet later");
		assertThat(stage(won)).isEqualTo("CLOSED_WON");
		assertThat(stage(lost)).isEqualTo("CLOSED_LOST");
		assertThat(stage(open)).isEqualTo("QUALIFIED");
		assertThat(messages(won) + messages(lost)).isZero();
		// inside Trellis the closes count as before: the owner's day facts hold the win
		assertThat(this.jdbc.sql("SELECT coalesce(sum(won_count), 0) FROM rep_day_fact WHERE owner_id = ?")
			.param(this.world.ae().userId())
			.query(Long.class)
			.single()).as("the imported win is in the owner's facts").isEqualTo(1);
	}

	@Test
	void aCloseMadeInTrellisSendsExactlyOneWebhook() {
		var deal = this.deals.get(this.admin, this.world.dealId());
		this.deals.moveStage(this.admin, deal.id(), deal.stage(), Stage.CLOSED_WON, "won in Trellis", false);
		assertThat(messages(deal.id())).isEqualTo(1);
	}

	private long messages(long deal) {
		return this.jdbc.sql("""
				SELECT count(*) FROM webhook_message m JOIN webhook_delivery d ON d.message_id = m.id
				WHERE d.subscription_id = :subscription
				  AND CAST(CAST(m.body AS JSONB) -> 'data' ->> 'opportunityId' AS BIGINT) = :deal""")
			.param("subscription", this.subscription)
			.param("deal", deal)
			.query(Long.class)
			.single();
	}

	private String stage(long deal) {
		return this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?").param(deal).query(String.class).single();
	}

	private long deal(String name) {
		return this.jdbc.sql("SELECT id FROM opportunity WHERE name = ? AND account_id = ?")
			.params(name, this.world.accountId())
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.ResultActions importing(String csv) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/imports/trellis/deals")
				.file(new MockMultipartFile("file", "deals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("dryRun", "false")
				.header("Authorization", "Bearer " + this.fixtures.token(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0));
	}

}
